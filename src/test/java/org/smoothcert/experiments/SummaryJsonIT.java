package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.app.Main;

/**
 * summary.json pinned on small runs: every key path, in order, and every value that is not a timing, a
 * date, a version or a path (those are only checked to be there; paths are checked relative to the test's
 * folders). Cases: a run, the same run again (every classifier reused: the training record is carried), a
 * re-certification of it with another alpha (another look), a bagging and a partition run with a
 * re-certification, and an attack's clean and label-flip runs. The expected files are under src/test/resources/summary-json; after a deliberate
 * change, regenerate them with {@code -Dsmoothcert.golden.update=true} and say why in the commit.
 */
class SummaryJsonIT {
  private static final Path BASE = Path.of(System.getProperty("smoothcert.basedir", ".")).toAbsolutePath().normalize();
  private static final Path EXPECTED = BASE.resolve("src/test/resources/summary-json");
  private static final boolean UPDATE = Boolean.getBoolean("smoothcert.golden.update");
  /** Keys whose values change from one run to the next. */
  private static final Set<String> VARYING = Set.of("finished", "spark_version", "versions",
      "train_ms_per_classifier", "predict_ms_per_classifier");
  private static final Pattern SECONDS = Pattern.compile(".*_s");

  @TempDir
  Path tmp;

  @Test
  void aFlipRunItsRerunAndItsRecertification() throws Exception {
    Path dir = tmp.resolve("flip");
    List<String> sets = CertifyRunIT.small(dir.toString(), "job.slices=2");
    cli(run(sets));
    compare("flip-run", dir);
    cli(run(sets));
    compare("flip-rerun", dir);
    Path again = tmp.resolve("flip-recertified");
    cli(List.of("certify", "--run", dir.toString(), "--alpha", "0.2", "--out", again.toString()));
    compare("flip-certify", again);
    cli(List.of("certify", "--run", dir.toString(), "--set", "smoothing.classifiers=12"));
    compare("flip-certify-n12", dir.resolve("recertified-smoothing.classifiers=12"));
  }

  @Test
  void baggingAndPartitionRunsAndARecertification() throws Exception {
    Path bagging = tmp.resolve("bagging");
    cli(run(SchemeRunIT.settings("bagging", bagging, "job.slices=2")));
    compare("bagging-run", bagging);
    Path again = tmp.resolve("bagging-recertified");
    cli(List.of("certify", "--run", bagging.toString(), "--alpha", "0.2", "--out", again.toString()));
    compare("bagging-certify", again);
    Path partition = tmp.resolve("partition");
    cli(run(SchemeRunIT.settings("partition", partition, "job.slices=2")));
    compare("partition-run", partition);
  }

  @Test
  void anAttacksCleanAndAttackedRuns() throws Exception {
    Path dir = tmp.resolve("attack");
    List<String> argv = new ArrayList<>(List.of("attack", "--master", "local[2]", "--budget", "1", "--out",
        dir.toString()));
    CertifyRunIT.small(dir.toString(), "job.slices=2").forEach(s -> argv.addAll(List.of("--set", s)));
    cli(argv);
    compare("attack-clean", dir.resolve("clean"));
    compare("attack-label-flip", dir.resolve("label-flip-r1"));
  }

  private static List<String> run(List<String> sets) {
    List<String> argv = new ArrayList<>(List.of("run", "--master", "local[2]"));
    sets.forEach(s -> argv.addAll(List.of("--set", s)));
    return argv;
  }

  private static void cli(List<String> argv) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = Main.execute(argv.toArray(String[]::new), print, print);
    assertEquals(0, status, bytes.toString(StandardCharsets.UTF_8));
  }

  private void compare(String name, Path dir) throws IOException {
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    StringBuilder lines = new StringBuilder();
    flatten("", summary, lines);
    Path golden = EXPECTED.resolve(name + ".txt");
    String actual = lines.toString();
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
    }
    assertEquals(Files.readString(golden), actual, golden + " differs from this run's summary.json");
  }

  /** One line a leaf (and an empty object or list): its key path and its value, or what kind of value it is. */
  private void flatten(String path, JsonNode node, StringBuilder out) {
    String key = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
    if (VARYING.contains(key) || (SECONDS.matcher(key).matches() && node.isNumber())) {
      out.append(path).append(" = <").append(node.isNumber() ? "number" : node.isTextual() ? "text" : "object")
          .append(">\n");
      return;
    }
    if (node.isObject() && node.size() > 0) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray() && node.size() > 0) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), out);
      }
    } else {
      out.append(path).append(" = ").append(relative(node.toString())).append('\n');
    }
  }

  /** Paths named relative to the test's folder and the project's, which move. */
  private String relative(String value) {
    return value.replace(tmp.toAbsolutePath().toString(), "<tmp>").replace(BASE.toString(), "<base>");
  }
}
