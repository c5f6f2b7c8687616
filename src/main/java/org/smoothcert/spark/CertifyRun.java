package org.smoothcert.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.MnistData;
import org.smoothcert.model.fast.MlpLearner;
import org.smoothcert.report.TestPoints;
import org.smoothcert.votes.RunVotes;

/**
 * {@code smoothcert run}: load and draw the data, bind the run directory, train the missing slices on
 * Spark, then certify and write the reports. Everything a user can get wrong (config, data, output
 * location, a run directory of another config) fails before Spark starts, and nothing is written
 * before Spark is up, so a refused run leaves no output behind.
 */
public final class CertifyRun {
  private static final Logger LOG = LogManager.getLogger(CertifyRun.class);

  private CertifyRun() {}

  /**
   * Runs the job and returns its certificates (also written to the run directory). {@code cuts} are
   * extra slice boundaries, e.g. the smaller N a sweep will re-certify.
   */
  public static CertificationResult execute(RunConfig config, String master, Configuration hadoop, PrintStream out,
      long... cuts) {
    long start = System.nanoTime();
    DataSample sample = MnistData.load(withResolvedDir(config.data()), hadoop);
    Examples train = sample.train();
    Examples test = sample.test();
    Map<String, String> identity = config.votesIdentity(sha256(train, test));
    RunDirectory dir = RunDirectory.writable(config.job().out(), hadoop);
    dir.requireIdentity(identity);
    long dataDone = System.nanoTime();

    out.printf("smoothcert run -> %s%n", dir.location());
    out.printf("data: %s%n", describe(sample));
    Reports.printCeiling(config, out);

    // Output is written only once Spark is up: a master that cannot be reached leaves nothing behind.
    SparkSession spark = SparkSessions.start(master, "smoothcert " + dir.location());
    CertifyJob.Outcome outcome;
    String sparkVersion = spark.version();
    String sparkMaster = spark.sparkContext().master();
    long sparkStarted = System.nanoTime();
    try {
      dir.claim(identity);
      dir.writeText(Reports.CONFIG_FILE, config.render());
      dir.writeText(Reports.TEST_POINTS_FILE, TestPoints.of(test, sample.provenance().test().sourceIndices()).toCsv());
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      outcome = CertifyJob.run(jsc, dir, train, test, new MlpLearner(config.learner()), config.seed(),
          config.smoothing().beta(), config.smoothing().classifiers(), config.job().slices(),
          LongStream.concat(LongStream.of(config.certify().selectionClassifiers()), LongStream.of(cuts)).toArray());
    } finally {
      spark.stop();
    }
    long trained = System.nanoTime();
    if (outcome.reusedClassifiers() > 0) {
      out.printf("reused %,d classifiers (%d slices) from earlier runs; trained %,d (%d slices)%n",
          outcome.reusedClassifiers(), outcome.slicesReused(), outcome.trainedClassifiers(), outcome.slicesTrained());
    }

    Map<String, Object> run = new LinkedHashMap<>();
    run.put("directory", dir.location());
    run.put("finished", Instant.now().toString());
    run.put("master", sparkMaster);
    run.put("spark_version", sparkVersion);
    run.put("slices_trained", outcome.slicesTrained());
    run.put("slices_reused", outcome.slicesReused());
    run.put("classifiers_trained", outcome.trainedClassifiers());
    run.put("classifiers_reused", outcome.reusedClassifiers());
    Map<String, Object> timings = new LinkedHashMap<>();
    timings.put("data_s", seconds(dataDone - start));
    timings.put("spark_start_s", seconds(sparkStarted - dataDone));
    timings.put("training_s", seconds(trained - sparkStarted));
    run.put("timings", timings);
    RunVotes votes = RunVotes.of(outcome.slices(), test.count(), test.classes(),
        config.certify().selectionClassifiers());
    return Reports.certifyAndWrite(dir, config, votes, TestPoints.of(test, sample.provenance().test().sourceIndices()),
        provenance(sample), run, start, out);
  }

  /** A relative data.dir is looked up in the working directory, then in the smoothcert folder. */
  public static DataSpec withResolvedDir(DataSpec spec) {
    String home = System.getProperty("smoothcert.home");
    String dir = spec.dir();
    boolean relative = !dir.contains(":") && !dir.startsWith("/");
    if (relative && home != null && !Files.exists(Paths.get(dir)) && Files.exists(Paths.get(home, dir))) {
      LOG.info("data.dir {} resolved against the smoothcert folder {}", dir, home);
      return new DataSpec(Paths.get(home, dir).toString(), spec.digits(), spec.trainSize(), spec.testSize(),
          spec.levels(), spec.seed(), spec.sourceClasses());
    }
    return spec;
  }

  static String sha256(Examples... sets) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Examples e : sets) {
        md.update((e.count() + "x" + e.dim() + "/" + e.featureDomain() + "/" + e.classes() + ";").getBytes());
        md.update(e.features());
        md.update(e.labels());
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(DataSample sample) {
    var p = sample.provenance();
    return String.format("%s, digits %s, %d levels: %d training examples from %s (per class %s), %d test from %s (per class %s)",
        p.dir(), p.digits(), p.levels(), sample.train().count(), p.train().split(), p.train().drawnPerClass(),
        sample.test().count(), p.test().split(), p.test().drawnPerClass());
  }

  static Map<String, Object> provenance(DataSample sample) {
    var p = sample.provenance();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dir", p.dir());
    m.put("digits", p.digits());
    m.put("levels", p.levels());
    m.put("seed", p.seed());
    m.put("one_split", p.oneSplit());
    for (var side : List.of(Map.entry("train", p.train()), Map.entry("test", p.test()))) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("split", side.getValue().split().toString());
      s.put("images", side.getValue().imagesFile());
      s.put("labels", side.getValue().labelsFile());
      s.put("available_per_class", side.getValue().availablePerClass());
      s.put("drawn_per_class", side.getValue().drawnPerClass());
      s.put("other_digits_skipped", side.getValue().otherDigits());
      m.put(side.getKey(), s);
    }
    return m;
  }

  static double seconds(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }
}
