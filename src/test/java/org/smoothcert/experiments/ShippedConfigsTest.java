package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;

/**
 * Every config shipped in conf/ is valid as shipped: a run config loads and passes every check (keys,
 * ranges, the data folder it names exists in the repository or comes from a package .ci/run installs),
 * and every variant of a variants file does too on top of the paper config.
 */
class ShippedConfigsTest {
  private static final Path CONF = Path.of(System.getProperty("smoothcert.basedir", ".")).resolve("conf");
  private static final Path BASE = CONF.getParent();
  /** Data a package brings (Debian's dataset-fashion-mnist, installed by .ci/run). */
  private static final String PACKAGED = "/usr/share/datasets/";

  private static List<Path> confFiles() throws IOException {
    try (Stream<Path> files = Files.list(CONF)) {
      return files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
    }
  }

  private static boolean isVariantsFile(Path file) throws IOException {
    return Files.readString(file).lines().anyMatch(l -> l.startsWith("variants"));
  }

  @Test
  void everyRunConfigLoadsAndNamesDataThatIsThere() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Path file : confFiles()) {
      if (isVariantsFile(file) || file.getFileName().toString().equals("spark-defaults.conf")) {
        continue;
      }
      RunConfig config = RunConfig.from(ConfigLoader.load(file.toString(), List.of(), new Configuration()));
      String dir = config.data().dir();
      assertTrue(dir.startsWith(PACKAGED) || Files.isDirectory(BASE.resolve(dir)),
          file.getFileName() + " names data.dir " + dir + ", which is not in the repository");
      checked.add(file.getFileName().toString());
    }
    assertTrue(checked.containsAll(List.of("default.conf", "paper-mnist-1-7.conf", "mnist-10.conf",
        "mllib-mlp.conf", "fashion-mnist.conf")), checked.toString());
  }

  @Test
  void everyVariantOfEveryVariantsFileIsAValidRun() throws IOException {
    int files = 0;
    for (Path file : confFiles()) {
      if (!isVariantsFile(file)) {
        continue;
      }
      files++;
      int variants = 0;
      for (Study.Variant v : Study.readVariants(file.toString(), new Configuration())) {
        RunConfig config = RunConfig.from(ConfigLoader.load(CONF.resolve("paper-mnist-1-7.conf").toString(),
            v.sets(), new Configuration()));
        assertFalse(v.name().isBlank());
        assertEquals(config.learner(), RunConfig.from(ConfigLoader.load(null, v.sets(), new Configuration())).learner(),
            file.getFileName() + " " + v.name() + " inherits a learner key from the config it runs on");
        variants++;
      }
      assertTrue(variants >= 2, file.getFileName() + " has " + variants + " variants");
    }
    assertTrue(files >= 2, files + " variants files");
  }
}
