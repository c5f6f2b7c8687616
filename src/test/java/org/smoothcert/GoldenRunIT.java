package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.app.Main;

/**
 * Golden files (GATK's habit): tiny runs of the default config, one per learner path, whose points.csv,
 * curve.csv and the certificate fields of summary.json are checked in under src/test/resources/golden
 * and compared byte for byte, so any change of behaviour shows in review. After a deliberate change,
 * regenerate them with {@code mvn verify -Dit.test=GoldenRunIT -Dsmoothcert.golden.update=true} and
 * say why in the commit.
 */
class GoldenRunIT {
  private static final Path BASE = Path.of(System.getProperty("smoothcert.basedir", "."));
  private static final Path GOLDEN = BASE.resolve("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("smoothcert.golden.update");
  /** The summary.json fields that are the certificate (not timings, versions or paths). */
  private static final List<String> CERTIFICATE_FIELDS = List.of("seed", "classifiers", "test_points", "classes",
      "beta", "feature_domain", "alpha", "ceiling", "certified_accuracy", "certified_share", "abstentions");

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      // The default learner (the fast path), a few hundred classifiers.
      "default, 300, ''",
      // MLlib's own path, bit for bit fit()'s weights: fewer classifiers, it is slower.
      "mllib-reference, 60, learner.implementation=mllib",
  })
  void aTinyRunGivesTheCheckedInFiles(String name, int classifiers, String extra) throws IOException {
    Path out = tmp.resolve(name);
    StringBuilder line = new StringBuilder("run --master local[2] --out " + out
        + " --set data.test-size=40 --set smoothing.classifiers=" + classifiers);
    for (String set : extra.split(" ")) {
      if (!set.isBlank()) {
        line.append(" --set ").append(set);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int status = Main.execute(line.toString().split(" "), print, print);
    assertEquals(0, status, bytes.toString(StandardCharsets.UTF_8));

    Path dir = GOLDEN.resolve(name);
    compare(dir.resolve("points.csv"), Files.readString(out.resolve("points.csv")));
    compare(dir.resolve("curve.csv"), Files.readString(out.resolve("curve.csv")));
    compare(dir.resolve("certificate.json"), certificate(out.resolve("summary.json")));
  }

  static String certificate(Path summary) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode all = json.readTree(summary.toFile());
    ObjectNode kept = json.createObjectNode();
    for (String field : CERTIFICATE_FIELDS) {
      kept.set(field, all.get(field));
    }
    return json.writeValueAsString(kept) + "\n";
  }

  private static void compare(Path golden, String actual) throws IOException {
    if (UPDATE) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
    }
    assertEquals(Files.readString(golden), actual, golden + " differs from this run's output");
  }
}
