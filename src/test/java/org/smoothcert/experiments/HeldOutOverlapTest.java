package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;

/**
 * The held-out seeds of the learner search are held out from the choice, not from every earlier look: the
 * MNIST 1/7 test split has 2,163 images and each data seed draws 1,000, so the test points of seeds 2-6
 * share images with those of seeds 0 and 1, on which the earlier learner study compared candidates. The
 * overlap is computed here from the runs' own draws and must be what the README states beside the table.
 */
class HeldOutOverlapTest {
  private static final Path BASE = Path.of(System.getProperty("smoothcert.basedir", "."));

  private static Set<Integer> testPoints(RunConfig config, long seed) {
    return new TreeSet<>(RunData.load(config.with(ConfigKeys.DATA_SEED, seed), new Configuration())
        .certifiedSourceIndices());
  }

  @Test
  void theReadmeStatesTheOverlapOfTheHeldOutSeeds() throws Exception {
    RunConfig search = RunConfig.from(ConfigLoader.load(BASE.resolve("conf/paper-mnist-1-7.conf").toString(),
        List.of("data.validation-size=500"), new Configuration()).resolve());
    List<Set<Integer>> seeds = new ArrayList<>();
    for (long s = 0; s <= 6; s++) {
      seeds.add(testPoints(search, s));
    }
    // The draw is the certified runs' own: the stored points.csv of seed 2 (an earlier study) lists these images.
    Set<Integer> stored = Files.readAllLines(BASE.resolve("docs/results/paper-mnist-1-7/seed-2/points.csv")).stream()
        .skip(1).map(l -> Integer.parseInt(l.split(",")[1])).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(stored, seeds.get(2));

    Set<Integer> compared = new TreeSet<>(seeds.get(0));
    compared.addAll(seeds.get(1));
    List<String> shared = new ArrayList<>();
    Set<Integer> heldOut = new TreeSet<>();
    for (int s = 2; s <= 6; s++) {
      Set<Integer> both = new TreeSet<>(seeds.get(s));
      both.retainAll(compared);
      shared.add(String.format("%,d", both.size()));
      heldOut.addAll(seeds.get(s));
    }
    Set<Integer> unseen = new TreeSet<>(heldOut);
    unseen.removeAll(compared);
    String statement = String.format("the test points of seeds 2-6 share %s of their 1,000 images with those of"
        + " seeds 0 and 1 (%,d distinct images)", String.join(", ", shared.subList(0, 4)) + " and " + shared.get(4),
        compared.size());
    String readme = Files.readString(BASE.resolve("README.md")).replaceAll("\\s+", " ");
    assertTrue(readme.contains(statement), "README.md should say: " + statement);
    String cover = String.format("together the five held-out seeds cover %,d distinct test images, %,d of them never"
        + " a test point of seeds 0 or 1", heldOut.size(), unseen.size());
    assertTrue(readme.contains(cover), "README.md should say: " + cover);
  }
}
