package org.smoothcert.data.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.data.idx.IdxFixtures.CONF;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.io.HadoopFiles;

/** {@code data import-sklearn} on small files in scikit-learn's layout and formats. */
class SklearnImportTest {
  private static final String BREAST_CANCER_TABLE = """
      Breast cancer wisconsin (diagnostic) dataset
          ===================================== ====== ======
          radius (mean):                        6.981  28.11
          texture (mean):                       9.71   39.28
      """;

  @TempDir Path tmp;

  /** A description with the table of the 30 features: radius, texture and 8 more, each mean, error, worst. */
  private static String breastCancerDescription() {
    StringBuilder s = new StringBuilder("Breast cancer wisconsin (diagnostic) dataset\n");
    List<String> features = List.of("radius", "texture", "perimeter", "area", "smoothness", "compactness",
        "concavity", "concave points", "symmetry", "fractal dimension");
    for (String kind : List.of("mean", "standard error", "worst")) {
      for (String feature : features) {
        s.append("    ").append(feature).append(" (").append(kind).append("):    1.0  2.0\n");
      }
    }
    return s.toString();
  }

  private Path sklearn(String dataFile, byte[] data, String descriptionFile, String description) throws IOException {
    Path root = tmp.resolve("sklearn/datasets");
    Files.createDirectories(root.resolve("data"));
    Files.createDirectories(root.resolve("descr"));
    Files.write(root.resolve("data").resolve(dataFile), data);
    Files.writeString(root.resolve("descr").resolve(descriptionFile), description);
    return root;
  }

  private static String row(String first, int label) {
    return first + ",2".repeat(29) + "," + label + "\n";
  }

  private SklearnImport.Written write(SklearnDataSet set, Path root) {
    return SklearnImport.write(set, HadoopFiles.resolve(root.toString(), CONF),
        HadoopFiles.resolve(tmp.resolve("out").toString(), CONF), "a test", "smoothcert data import-sklearn", CONF);
  }

  @Test
  void theBreastCancerFileBecomesACsvWithNamedColumnsAndNamedClasses() throws IOException {
    String file = "3,30,malignant,benign\n" + row("17.99", 0) + row("1e-3", 1) + row("20.5", 1);
    Path root = sklearn("breast_cancer.csv", file.getBytes(StandardCharsets.UTF_8), "breast_cancer.rst",
        breastCancerDescription());
    SklearnImport.Written written = write(SklearnDataSet.BREAST_CANCER, root);
    assertEquals(List.of(1, 2), written.perClass());
    List<String> lines = Files.readAllLines(tmp.resolve("out/breast-cancer.csv"));
    assertTrue(lines.get(0).startsWith("mean_radius,mean_texture,"), lines.get(0));
    assertTrue(lines.get(0).contains(",radius_error,") && lines.get(0).endsWith(",worst_fractal_dimension,diagnosis"),
        lines.get(0));
    assertEquals("17.99" + ",2".repeat(29) + ",malignant", lines.get(1));
    assertEquals("1e-3" + ",2".repeat(29) + ",benign", lines.get(2), "the values' text is kept");
    assertTrue(Checksums.check(HadoopFiles.resolve(tmp.resolve("out").toString(), CONF), CONF).get(0).matches());
    assertTrue(Files.readString(tmp.resolve("out/README.md")).contains("| benign | 2 |"));
  }

  @Test
  void theDigitsFileBecomesACsvOfPixelColumns() throws IOException {
    StringBuilder digits = new StringBuilder();
    for (int label = 0; label < 10; label++) {
      digits.append("0,".repeat(63)).append("16,").append(label).append('\n');
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(bytes)) {
      out.write(digits.toString().getBytes(StandardCharsets.UTF_8));
    }
    Path root = sklearn("digits.csv.gz", bytes.toByteArray(), "digits.rst", "digits");
    SklearnImport.Written written = write(SklearnDataSet.OPTICAL_DIGITS, root);
    assertEquals(10, written.rows());
    List<String> lines = Files.readAllLines(tmp.resolve("out/optical-digits.csv"));
    assertTrue(lines.get(0).startsWith("pixel_0_0,pixel_0_1,") && lines.get(0).endsWith(",pixel_7_7,digit"));
    assertEquals("0,".repeat(63) + "16,3", lines.get(4));
  }

  @Test
  void aFileThatIsNotScikitLearnsIsRefusedNamingTheLine() throws IOException {
    String file = "2,30,malignant,benign\n" + row("1", 0) + "1,2,3\n";
    Path root = sklearn("breast_cancer.csv", file.getBytes(StandardCharsets.UTF_8), "breast_cancer.rst",
        breastCancerDescription());
    UserError e = assertThrows(UserError.class, () -> write(SklearnDataSet.BREAST_CANCER, root));
    assertTrue(e.getMessage().endsWith("breast_cancer.csv: line 3: 3 values, expected 30 and a label"), e.getMessage());
    UserError names = assertThrows(UserError.class, () -> SklearnDataSet.BREAST_CANCER.featureNames(
        BREAST_CANCER_TABLE));
    assertEquals("breast_cancer.rst: expected its table of the 30 features, found 2", names.getMessage());
  }
}
