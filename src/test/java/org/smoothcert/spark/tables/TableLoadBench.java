package org.smoothcert.spark.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.idx.LabelledImages;
import org.smoothcert.data.idx.MnistFolder;
import org.smoothcert.data.source.DataSource;
import org.smoothcert.data.table.TableData;
import org.smoothcert.data.table.TableSpec;
import org.smoothcert.spark.SparkSessions;

/**
 * How long a run's data takes to load: full MNIST (60,000 training and 10,000 test images, all ten
 * digits, 1,000 + 1,000 drawn) from the IDX files and from the same images written as Parquet, CSV and
 * LibSVM (a label and 784 pixel columns, 0 to 255, as the common mnist_train.csv has them; cut at 127.5,
 * the IDX reader's two levels, so each load must give the IDX load's examples, which is checked). Each
 * load is {@link DataSource#load}, as a run's; a warm-up, then {@code repetitions} timed, the median
 * printed; with {@code --spark}, also one load through Spark's readers ({@link SparkTables}), as runs
 * loaded tables before. Arguments: [folder for the tables, default target/load-bench] [repetitions,
 * default 5] [--spark].
 */
public final class TableLoadBench {
  private static final String MNIST = System.getProperty("smoothcert.basedir", ".") + "/data/mnist";
  private static final Configuration HADOOP = new Configuration();

  private TableLoadBench() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(Arrays.asList(args));
    boolean spark = rest.remove("--spark");
    Path folder = Path.of(rest.isEmpty() ? "target/load-bench" : rest.get(0));
    int repetitions = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 5;
    write(folder);
    RunConfig idx = config(List.of());
    DataSample reference = DataSource.load(idx.data(), idx.table(), HADOOP);
    report("IDX", idx, reference, repetitions);
    for (String format : System.getProperty("formats", "parquet,csv,libsvm").split(",")) {
      List<String> sets = new ArrayList<>(List.of("data.format=" + format,
          "data.train-path=\"" + folder.resolve("train." + format) + "\"",
          "data.test-path=\"" + folder.resolve("test." + format) + "\"",
          "data.classes=[0,1,2,3,4,5,6,7,8,9]", "data.discretize=threshold", "data.threshold=127.5"));
      if (format.equals("libsvm")) {
        sets.add("data.dimension=784");
      }
      RunConfig table = config(sets);
      report(format, table, reference, repetitions);
      if (Boolean.getBoolean("readOnly")) {
        double[] times = new double[repetitions];
        for (int r = 0; r < repetitions; r++) {
          long start = System.nanoTime();
          new org.smoothcert.data.table.sources.FileTables(HADOOP).read(table.table().format(),
              table.table().trainPath(), table.table().dimension(), new org.smoothcert.data.table.sources.CountingSink(column -> true));
          times[r] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(times);
        System.out.printf(Locale.ROOT, "%-8s the training file read alone: median %.2f s%n", format,
            times[repetitions / 2]);
      }
      if (spark) {
        long start = System.nanoTime();
        DataSample old = SparkSessions.withReadingSession(s -> SparkTables.withReader(s, HADOOP,
            reader -> TableData.load(table.data(), table.table(), reader)));
        System.out.printf(Locale.ROOT, "%-8s through Spark (before): %.2f s, same examples as IDX: %s%n", format,
            (System.nanoTime() - start) / 1e9, same(reference, old));
      }
    }
  }

  private static RunConfig config(List<String> sets) {
    List<String> all = new ArrayList<>(List.of("data.dir=\"" + MNIST + "\"", "data.digits=[0,1,2,3,4,5,6,7,8,9]",
        "data.train-size=1000", "data.test-size=1000"));
    all.addAll(sets);
    return RunConfig.from(ConfigLoader.load(null, all, HADOOP));
  }

  private static void report(String name, RunConfig config, DataSample reference, int repetitions) {
    TableSpec table = config.table();
    double first = seconds(config);
    double[] times = new double[repetitions];
    DataSample last = null;
    for (int r = 0; r < repetitions; r++) {
      last = null;
      System.gc(); // the last load's garbage is not this one's: a run loads once, in a fresh JVM
      long start = System.nanoTime();
      last = DataSource.load(config.data(), table, HADOOP);
      times[r] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(times);
    System.out.printf(Locale.ROOT, "%-8s median %.2f s of %d (min %.2f, max %.2f; first, cold: %.2f s), same"
        + " examples as IDX: %s%n", name, times[repetitions / 2], repetitions, times[0], times[repetitions - 1],
        first, same(reference, last));
  }

  private static double seconds(RunConfig config) {
    System.gc();
    long start = System.nanoTime();
    DataSource.load(config.data(), config.table(), HADOOP);
    return (System.nanoTime() - start) / 1e9;
  }

  private static boolean same(DataSample a, DataSample b) {
    return Arrays.equals(a.train().features(), b.train().features()) && Arrays.equals(a.train().labels(),
        b.train().labels()) && Arrays.equals(a.test().features(), b.test().features())
        && Arrays.equals(a.test().labels(), b.test().labels());
  }

  /** The tables, once: train and test as Parquet (by Spark: four parts, one), CSV and LibSVM. */
  private static void write(Path folder) throws IOException {
    if (Files.exists(folder.resolve("test.libsvm"))) {
      return;
    }
    Files.createDirectories(folder);
    List<LabelledImages> splits = MnistFolder.find(MNIST, HADOOP).readAll(HADOOP, 10);
    SparkSession spark = TableFiles.writer();
    try {
      for (int s = 0; s < 2; s++) {
        String side = s == 0 ? "train" : "test";
        TableFiles.parquet(spark, splits.get(s), folder.resolve(side + ".parquet"), s == 0 ? 4 : 1, false);
        TableFiles.csv(splits.get(s), folder.resolve(side + ".csv"), pixel -> pixel);
        TableFiles.libsvm(splits.get(s), folder.resolve(side + ".libsvm"), pixel -> pixel);
      }
    } finally {
      spark.stop();
    }
  }
}
