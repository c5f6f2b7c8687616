package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyIT {
  @TempDir
  Path tmp;

  @Test
  void variantsTimesSeedsGiveOneRowPerVariantAndReuseTheirRuns() throws Exception {
    List<Study.Variant> variants = List.of(new Study.Variant("mlp", List.of()),
        new Study.Variant("logistic-l2", List.of("learner.hidden = 0", "learner.l2 = 0.5")));
    String first = study(variants);
    List<String> table = Files.readAllLines(tmp.resolve("study.csv"));
    assertEquals(5, table.size(), table.toString()); // header + 2 variants x 2 seeds
    assertTrue(table.get(3).startsWith("logistic-l2,\"logistic regression, L2=0.5, 30 it.\",0,"), table.get(3));
    List<String> md = Files.readAllLines(tmp.resolve("study.md"));
    assertEquals(4, md.size(), md.toString());
    assertTrue(Files.size(tmp.resolve("study.png")) > 1000);
    assertTrue(Files.exists(tmp.resolve("logistic-l2/seed-1/points.csv")));
    // The same variant and seed as a plain run give the same votes.
    Path plain = tmp.resolve("plain");
    List<String> sets = new java.util.ArrayList<>(SweepIT.SMALL);
    sets.addAll(List.of("learner.hidden = 0", "learner.l2 = 0.5", "data.seed = 1", "job.out=\"" + plain + "\""));
    CertifyRunIT.run("local[1]", sets);
    assertEquals(Files.readString(plain.resolve("points.csv")),
        Files.readString(tmp.resolve("logistic-l2/seed-1/points.csv")));
    // Run again: every slice is reused, the table is the same.
    assertEquals(first.lines().filter(l -> l.startsWith("mlp ")).toList(),
        study(variants).lines().filter(l -> l.startsWith("mlp ")).toList());
  }

  /** The study's table as {@code smoothcert study} prints it. */
  private String study(List<Study.Variant> variants) {
    Study.Result result = Study.execute(null, SweepIT.SMALL, variants, List.of(0L, 1L), tmp.toString(), "local[2]",
        new Configuration());
    assertEquals(4, result.rows().size());
    return result.report().console();
  }
}
