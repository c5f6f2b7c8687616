package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.certify.L0Certificate;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.spark.tables.TableFiles;

/**
 * The shipped MNIST 1/7 written as Parquet (a folder of parts, by Spark), LibSVM and CSV, each read
 * by smoothcert's own reader of the format, certifies exactly as the IDX files do: points.csv and curve.csv byte for
 * byte, on the same config (the table's threshold of 0.5 on pixel / 255 is the IDX reader's two levels).
 */
class TableFormatsIT {
  @TempDir
  static Path tmp;
  static Path tables;
  static Path idxRun;

  static final String DATA = System.getProperty("smoothcert.basedir", ".") + "/data/mnist-1-7";

  static List<String> small(Path out, String... more) {
    List<String> sets = new ArrayList<>(List.of("data.dir=\"" + DATA + "\"", "data.train-size=100",
        "data.test-size=40", "smoothing.classifiers=60", "job.out=\"" + out + "\""));
    sets.addAll(List.of(more));
    return sets;
  }

  @BeforeAll
  static void writeTablesAndRunIdx() throws Exception {
    tables = Files.createDirectories(tmp.resolve("tables"));
    List<LabelledImages> splits = MnistFolder.find(DATA, new Configuration()).readAll(new Configuration(), 10);
    for (int s = 0; s < 2; s++) {
      String side = s == 0 ? "train" : "test";
      TableFiles.csv(splits.get(s), tables.resolve(side + ".csv"));
      TableFiles.libsvm(splits.get(s), tables.resolve(side + ".libsvm"));
    }
    SparkSession spark = TableFiles.writer();
    try {
      TableFiles.parquet(spark, splits.get(0), tables.resolve("train.parquet"), 3);
      TableFiles.parquet(spark, splits.get(1), tables.resolve("test.parquet"), 1);
    } finally {
      spark.stop();
    }
    idxRun = tmp.resolve("idx");
    CertifyRunIT.cli("local[2]", small(idxRun));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"parquet, train.parquet, test.parquet, ''", "libsvm, train.libsvm, test.libsvm, data.dimension=784",
      "csv, train.csv, test.csv, ''"})
  void aTableOfTheSameImagesCertifiesAsTheIdxFilesDo(String format, String train, String test, String extra)
      throws Exception {
    Path out = tmp.resolve(format);
    List<String> sets = small(out, "data.format=" + format, "data.train-path=\"" + tables.resolve(train) + "\"",
        "data.test-path=\"" + tables.resolve(test) + "\"", "data.classes=[1, 7]", "data.discretize=threshold");
    if (!extra.isEmpty()) {
      sets.add(extra);
    }
    String printed = CertifyRunIT.cli("local[2]", sets);
    assertTrue(printed.contains("data: " + format), printed);
    assertEquals(Files.readString(idxRun.resolve("points.csv")), Files.readString(out.resolve("points.csv")));
    assertEquals(Files.readString(idxRun.resolve("curve.csv")), Files.readString(out.resolve("curve.csv")));
    JsonNode data = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("data");
    assertEquals(13007, data.get("train").get("rows_read").asInt());
    assertEquals(784, data.get("features").asInt());
  }

  /**
   * A table run that certifies validation rows (data.certify-on = validation) certifies the same rows as
   * the IDX run: the validation rows are drawn as the IDX reader draws validation images and coded
   * with the training draw's threshold; points.csv byte for byte, 30 validation points counted.
   */
  @Test
  void aCsvTableCertifiesItsValidationRowsAsTheIdxFilesDo() throws Exception {
    String[] validation = {"data.validation-size=30", "data.certify-on=validation"};
    Path idx = tmp.resolve("idx-validation");
    CertifyRunIT.cli("local[2]", small(idx, validation));
    Path out = tmp.resolve("csv-validation");
    List<String> sets = small(out, validation);
    sets.addAll(List.of("data.format=csv", "data.train-path=\"" + tables.resolve("train.csv") + "\"",
        "data.test-path=\"" + tables.resolve("test.csv") + "\"", "data.classes=[1, 7]", "data.discretize=threshold"));
    String printed = CertifyRunIT.cli("local[2]", sets);
    assertTrue(printed.contains("certifying the validation examples"), printed);
    String points = Files.readString(out.resolve("points.csv"));
    assertEquals(Files.readString(idx.resolve("points.csv")), points);
    assertEquals(31, points.lines().count());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("validation", summary.get("certified_points").asText());
    assertEquals(30, summary.get("alpha").get("points").asInt());
    assertTrue(!points.equals(Files.readString(idxRun.resolve("points.csv"))), "not the test points");
  }

  @Test
  void aLibsvmTestFileWithFewerIndicesThanTheTrainingFileKeepsItsDimension() throws Exception {
    Path out = tmp.resolve("libsvm-inferred");
    String printed = CertifyRunIT.cli("local[2]", small(out, "data.format=libsvm",
        "data.train-path=\"" + tables.resolve("train.libsvm") + "\"", "data.classes=[1, 7]",
        "data.discretize=threshold"));
    assertTrue(printed.contains("data: libsvm"), printed);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertTrue(summary.get("data").get("features").asInt() < 784,
        "without data.dimension the largest index of the training file: the 1/7 images never ink a corner");
  }

  /**
   * A categorical column of seven values has a domain of eight (one for values the training draw lacks):
   * the largest, so the certificate's d, which summary.json names, and its thresholds are d = 8's.
   */
  @Test
  void theLargestColumnDomainIsTheCertificates() throws Exception {
    StringBuilder csv = new StringBuilder("x,colour,y\n");
    for (int i = 0; i < 200; i++) {
      csv.append(i % 13).append(",c").append(i % 7).append(',').append(i % 3 == 0 ? "yes" : "no").append('\n');
    }
    Path file = Files.writeString(tmp.resolve("colours.csv"), csv);
    Path out = tmp.resolve("categorical");
    CertifyRunIT.cli("local[2]", small(out, "data.format=csv", "data.train-path=\"" + file + "\"",
        "data.label-column=y", "data.classes=[no, yes]", "data.categorical-columns=[colour]", "data.train-size=150",
        "data.test-size=50"));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(8, summary.get("feature_domain").asInt());
    assertEquals(8, summary.get("certificate_domain").get("d").asInt());
    assertEquals("features", summary.get("certificate_domain").get("from").asText());
    assertEquals(L0Certificate.of(0.9, 8, 2).thresholdUp(1),
        summary.get("ceiling").get("radii").get("1").get("p_lower_must_exceed").asDouble());
    JsonNode colour = summary.get("data").get("columns").get(1);
    assertEquals("categorical", colour.get("method").asText());
    assertEquals(8, colour.get("domain").asInt());
    assertEquals(2, summary.get("data").get("columns").get(0).get("domain").asInt(), "x: data.levels");
  }
}
