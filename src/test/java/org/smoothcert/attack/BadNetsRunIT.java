package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.Examples;
import org.smoothcert.experiments.RunData;

/**
 * {@code smoothcert attack --badnets} end to end on tiny settings of the shipped MNIST 1/7 where radii >= 1
 * exist (bagging: 300 training and 40 test images, N = 100, alpha = 0.1; bagflip: 1,000 and 20, N = 200,
 * alpha = 0.5) with a trigger of 4 and 1 pixels: the
 * poisoned training set each attacked run trained on (its votes' data hash) differs from the clean one in
 * exactly R examples, all of the victims' class, carrying the trigger at its pixels and the target label;
 * the test images carry it too; no point certified at R in the scheme's threat changes; the counts add up.
 */
class BadNetsRunIT {
  static final int TARGET = 1;
  static final List<Integer> LADDER = List.of(1, 3, 10, 40, 120);

  @TempDir
  static Path tmp;
  static final Map<String, List<String>> sets = new LinkedHashMap<>();
  static final Map<String, Path> dirs = new LinkedHashMap<>();

  @BeforeAll
  static void attack() {
    String data = System.getProperty("smoothcert.basedir", ".") + "/data/mnist-1-7";
    String dir = "data.dir=\"" + data + "\"";
    sets.put("bagging", List.of(dir, "data.train-size=300", "data.test-size=40", "smoothing.classifiers=100",
        "certify.alpha=0.1", "learner.max-iter=30", "smoothing.scheme=bagging", "smoothing.bag-size=20"));
    // BagFlip with a trigger on the test input needs a top class of about 97% at R = 0 (beta = 0.9, s = 1):
    // larger bags of more images, and a loose alpha, for radii >= 1 at this size.
    sets.put("bagflip", List.of(dir, "data.train-size=1000", "data.test-size=20", "smoothing.classifiers=200",
        "certify.alpha=0.5", "learner.max-iter=30", "learner.l2=0", "smoothing.scheme=bagflip",
        "smoothing.bag-size=50", "certify.trigger-size=1"));
    for (var e : sets.entrySet()) {
      Path out = tmp.resolve(e.getKey());
      List<String> argv = new ArrayList<>(List.of("attack", "--badnets", "--master", "local[2]", "--trigger-size",
          e.getKey().equals("bagflip") ? "1" : "4", "--poison", "1,3,10,40,120", "--out", out.toString()));
      for (String s : e.getValue()) {
        argv.add("--set");
        argv.add(s);
      }
      AttackRunIT.execute(argv.toArray(String[]::new));
      dirs.put(e.getKey(), out);
    }
  }

  static List<Map<String, String>> csv(Path file) throws Exception {
    List<String> lines = Files.readAllLines(file);
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < header.length; k++) {
        row.put(header[k], fields[k]);
      }
      rows.add(row);
    }
    return rows;
  }

  static int triggerSize(String scheme) {
    return scheme.equals("bagflip") ? 1 : 4;
  }

  @ParameterizedTest
  @ValueSource(strings = {"bagging", "bagflip"})
  void eachRunTrainedOnASetDifferingInExactlyRExamplesCarryingTheTriggerAndTheTargetLabel(String scheme)
      throws Exception {
    Configuration hadoop = new Configuration();
    RunConfig config = RunConfig.from(ConfigLoader.load(null, sets.get(scheme), hadoop));
    DataSample sample = RunData.load(config, hadoop);
    Examples train = sample.train();
    Examples test = sample.test();
    BadNetsPlan plan = new BadNetsPlan(train, test, TARGET, triggerSize(scheme));
    Trigger trigger = plan.trigger();
    assertEquals(triggerSize(scheme), trigger.pixels());
    int side = 28;
    for (int f : trigger.features()) {
      assertTrue(f / side >= side - 4 && f % side >= side - 4, "the trigger sits in the bottom-right corner: " + f);
    }
    int dim = train.dim();
    for (int r : LADDER) {
      Examples poisoned = plan.poisoned(r);
      Set<Integer> rows = new HashSet<>();
      Arrays.stream(plan.poisonedRows(r)).forEach(rows::add);
      assertEquals(r, rows.size());
      assertEquals(r, BadNetsRun.differingExamples(train, poisoned));
      for (int k = 0; k < train.count(); k++) {
        if (rows.contains(k)) {
          assertTrue(train.label(k) != TARGET, "only images not of the target class are poisoned");
          assertEquals(TARGET, poisoned.label(k));
          for (int f : trigger.features()) {
            assertEquals(trigger.value(), poisoned.feature(k, f));
          }
          int changed = 0;
          for (int j = 0; j < dim; j++) {
            final int feature = j;
            boolean inTrigger = Arrays.stream(trigger.features()).anyMatch(f -> f == feature);
            if (!inTrigger) {
              assertEquals(train.feature(k, j), poisoned.feature(k, j), "only the trigger's pixels change");
            }
            changed += train.feature(k, j) != poisoned.feature(k, j) ? 1 : 0;
          }
          assertTrue(changed <= trigger.pixels());
        }
      }
      // The attacked run trained on exactly this set and voted on exactly these rows.
      String id = Files.readString(dirs.get(scheme).resolve("badnets-s" + triggerSize(scheme) + "-r" + r)
          .resolve("votes.id"));
      assertTrue(id.contains("data.sha256 = " + RunData.sha256(poisoned, plan.rows())), id);
    }
    Examples rows = plan.rows();
    int m = test.count();
    assertEquals(2 * m, rows.count());
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < dim; j++) {
        final int jj = j;
        boolean inTrigger = Arrays.stream(trigger.features()).anyMatch(f -> f == jj);
        assertEquals(inTrigger ? trigger.value() : test.feature(i, j), rows.feature(i, j), "triggered half");
        assertEquals(test.feature(i, j), rows.feature(m + i, j), "clean half");
      }
    }
    assertArrayEquals(Arrays.copyOf(rows.labels(), m), test.labels());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bagging", "bagflip"})
  void noPointCertifiedAtRChangesAndTheCountsAddUp(String scheme) throws Exception {
    Path dir = dirs.get(scheme);
    List<Map<String, String>> levels = csv(dir.resolve("badnets.csv"));
    List<Map<String, String>> points = csv(dir.resolve("empirical-radius.csv"));
    assertEquals(LADDER, levels.stream().map(l -> Integer.parseInt(l.get("r"))).toList());
    assertEquals(List.of(), csv(dir.resolve("violations.csv")), "no violations listed");
    int m = points.size();
    assertEquals(scheme.equals("bagflip") ? 20 : 40, m);
    long victims = points.stream().filter(p -> Integer.parseInt(p.get("true_label")) != TARGET).count();
    boolean someCertifiedAtOneOrMore = false;
    for (Map<String, String> l : levels) {
      int r = Integer.parseInt(l.get("r"));
      assertEquals(r, Integer.parseInt(l.get("poisoned_examples")));
      assertEquals(victims, Long.parseLong(l.get("victims")));
      assertEquals(0, Integer.parseInt(l.get("violations")));
      int certified = Integer.parseInt(l.get("certified_points"));
      int changed = Integer.parseInt(l.get("changed"));
      int uncertified = Integer.parseInt(l.get("changed_uncertified"));
      assertEquals(changed, uncertified + Integer.parseInt(l.get("violations")));
      assertTrue(uncertified <= m - certified);
      assertEquals(points.stream().filter(p -> Integer.parseInt(p.get("certified_r")) >= r).count(), certified);
      someCertifiedAtOneOrMore |= certified > 0;
      // the points whose smallest changing R is this one changed at this R
      long firstChangedHere = points.stream().filter(p -> p.get("empirical_r_threat").equals(String.valueOf(r)))
          .count();
      assertTrue(firstChangedHere <= changed, "R = " + r);
      for (String share : List.of("undefended_success", "smoothed_success", "smoothed_success_threat")) {
        double hits = Double.parseDouble(l.get(share)) * victims;
        assertEquals(Math.round(hits), hits, 1e-6, share + " is a count of victims");
      }
    }
    assertTrue(someCertifiedAtOneOrMore, "the check is not empty: some point is certified at R >= 1");
    for (Map<String, String> p : points) {
      String empirical = p.get("empirical_r_threat");
      if (!empirical.isEmpty()) {
        assertTrue(Integer.parseInt(p.get("certified_r")) < Integer.parseInt(empirical),
            "a point changed at R was certified below R: " + p);
      }
      if (scheme.equals("bagflip")) {
        assertEquals(empirical, p.get("empirical_r_triggered"), "bagflip's threat is the triggered test image");
      }
    }
    assertTrue(Files.size(dir.resolve("badnets.png")) > 0);
  }

  /** Every set of votes the attack certified records that certificate beside them (the union bound's history). */
  @ParameterizedTest
  @ValueSource(strings = {"bagging", "bagflip"})
  void everyCertifiedSetOfVotesRecordsItsCertificate(String scheme) throws Exception {
    List<Path> withVotes;
    try (var walk = Files.walk(dirs.get(scheme))) {
      withVotes = walk.filter(p -> p.getFileName().toString().equals("votes.id")).map(Path::getParent).toList();
    }
    assertTrue(withVotes.size() >= 2, "the clean run and the attacked runs: " + withVotes);
    for (Path dir : withVotes) {
      Path history = dir.resolve("certificates.tsv");
      assertTrue(Files.exists(history), "no certificates.tsv beside the votes of " + dir);
      long looks = Files.readAllLines(history).stream().filter(l -> !l.startsWith("#") && !l.startsWith("classifiers")
          && !l.isBlank()).count();
      assertEquals(1, looks, "one certificate on the votes of " + dir);
    }
  }
}
