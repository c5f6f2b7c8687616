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
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.spark.tables.TableFiles;

/**
 * Full MNIST as Parquet (60,000 training rows of 785 columns, by Spark, in four parts; 10,000 test rows):
 * a run of all ten digits reads it (without Spark) and reports the load time beside the training time in
 * summary.json, as the IDX run does, and certifies exactly as the IDX files do.
 */
class LargeParquetIT {
  private static final Logger LOG = LogManager.getLogger(LargeParquetIT.class);
  static final String MNIST = System.getProperty("smoothcert.basedir", ".") + "/data/mnist";

  @TempDir
  Path tmp;

  private static List<String> tenDigits(Path out, String... more) {
    List<String> sets = new ArrayList<>(List.of("data.dir=\"" + MNIST + "\"", "data.digits=[0,1,2,3,4,5,6,7,8,9]",
        "data.train-size=1000", "data.test-size=1000", "smoothing.classifiers=200", "job.out=\"" + out + "\""));
    sets.addAll(List.of(more));
    return sets;
  }

  private static JsonNode timings(Path run) throws Exception {
    return new ObjectMapper().readTree(run.resolve("summary.json").toFile()).get("run").get("timings");
  }

  @Test
  void sixtyThousandParquetRowsAreReadBesideTheTraining() throws Exception {
    List<LabelledImages> splits = MnistFolder.find(MNIST, new Configuration()).readAll(new Configuration(), 10);
    assertEquals(60_000, splits.get(0).count());
    Path train = tmp.resolve("train.parquet");
    Path test = tmp.resolve("test.parquet");
    SparkSession spark = TableFiles.writer();
    try {
      TableFiles.parquet(spark, splits.get(0), train, 4);
      TableFiles.parquet(spark, splits.get(1), test, 1);
    } finally {
      spark.stop();
    }
    Path idx = tmp.resolve("idx");
    Path parquet = tmp.resolve("parquet");
    CertifyRunIT.cli("local[2]", tenDigits(idx));
    CertifyRunIT.cli("local[2]", tenDigits(parquet, "data.format=parquet", "data.train-path=\"" + train + "\"",
        "data.test-path=\"" + test + "\"", "data.classes=[0,1,2,3,4,5,6,7,8,9]", "data.discretize=threshold"));
    assertEquals(Files.readString(idx.resolve("points.csv")), Files.readString(parquet.resolve("points.csv")));
    JsonNode parquetTimes = timings(parquet);
    JsonNode idxTimes = timings(idx);
    LOG.info("60,000 + 10,000 rows, N = 200: Parquet: load {} s, training {} s; IDX: load {} s,"
        + " training {} s", parquetTimes.get("data_s"), parquetTimes.get("training_s"), idxTimes.get("data_s"),
        idxTimes.get("training_s"));
    assertTrue(parquetTimes.get("data_s").asDouble() > 0 && parquetTimes.get("training_s").asDouble() > 0,
        parquetTimes.toString());
    JsonNode data = new ObjectMapper().readTree(parquet.resolve("summary.json").toFile()).get("data");
    assertEquals(60_000, data.get("train").get("rows_read").asInt());
    assertEquals(4, data.get("train").get("files").size());
  }
}
