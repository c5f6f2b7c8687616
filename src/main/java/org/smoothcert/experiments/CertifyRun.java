package org.smoothcert.experiments;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.report.RunRecord;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.spark.CollectedVotes;
import org.smoothcert.spark.Engine;
import org.smoothcert.spark.VotePlan;
import org.smoothcert.spark.VoteShares;
import org.smoothcert.votes.RunVotes;

/**
 * {@code smoothcert run} in two steps. {@link #prepare} loads and draws the data and checks the run
 * directory: everything a user can get wrong (config, data, output location, a run directory of
 * another config) fails there, before Spark starts. {@link #execute} starts Spark, trains the missing
 * slices, then certifies and writes the reports ({@link Certification}, as {@code certify} does); nothing
 * is written before Spark is up, so a refused run leaves no output behind.
 */
public final class CertifyRun {
  /**
   * What a run did: how many classifiers it reused from checkpoints and how many it trained, and what
   * certifying their votes gave.
   *
   * @param reused the classifiers and slices read from checkpoints
   * @param trained the classifiers and slices this run trained
   */
  public record Result(CollectedVotes.Share reused, CollectedVotes.Share trained, RunReport report,
      Optional<String> caution) implements VoteShares {}

  private final RunConfig config;
  private final DataSample sample;
  private final RunDirectory dir;
  private final Map<String, String> identity;
  private final long start;
  private final long dataDone;

  private CertifyRun(RunConfig config, DataSample sample, RunDirectory dir, Map<String, String> identity, long start) {
    this.config = config;
    this.sample = sample;
    this.dir = dir;
    this.identity = identity;
    this.start = start;
    this.dataDone = System.nanoTime();
  }

  /** Loads the data and checks that the run directory can take this run's votes; writes nothing. */
  public static CertifyRun prepare(RunConfig config, Configuration hadoop) {
    long start = System.nanoTime();
    DataSample sample = RunData.load(config, hadoop);
    if (config.data().testSize() == DataSpec.ALL) {
      // m, which the alpha split is over, is the number drawn: the stored config says it.
      config = config.with(ConfigKeys.TEST_SIZE, sample.test().count());
    }
    config.smoothing().requireFits(sample.train().count());
    Map<String, String> identity = config.votesIdentity(RunData.sha256(sample.train(), sample.certified()));
    RunDirectory dir = RunDirectory.writable(config.job().out(), hadoop, config.job().force());
    dir.requireIdentity(identity);
    return new CertifyRun(config, sample, dir, identity, start);
  }

  /** Prepares and executes a run. */
  public static Result execute(RunConfig config, String master, Configuration hadoop, long... cuts) {
    return prepare(config, hadoop).execute(master, cuts);
  }

  public RunConfig config() {
    return config;
  }

  public DataSample sample() {
    return sample;
  }

  /** The run directory. */
  public String location() {
    return dir.location();
  }

  /** Classifiers whose slices are checkpointed in the run directory now (read while the job runs). */
  public long checkpointedClassifiers() {
    return dir.checkpointedClassifiers();
  }

  /**
   * Trains the missing classifiers on Spark, then certifies all N and writes the reports, holding the run
   * directory's lock throughout. {@code cuts} are extra slice boundaries, e.g. the smaller N a sweep will
   * re-certify.
   */
  public Result execute(String master, long... cuts) {
    // Output is written only once Spark is up: a master that cannot be reached leaves nothing behind.
    Engine engine = Engine.start(master, "smoothcert " + dir.location());
    try {
      return execute(engine, cuts);
    } finally {
      dir.close();
    }
  }

  private Result execute(Engine engine, long... cuts) {
    Examples train = sample.train();
    Examples test = sample.certified();
    TestPoints points = TestPoints.of(test, sample.certifiedSourceIndices());
    CollectedVotes votes;
    // Read before the new outputs begin: the record of the run that trained the classifiers reused here.
    Optional<RunRecord.Training> earlierTraining = Certification.finished(dir).flatMap(RunRecord.Stored::training);
    String sparkVersion = engine.sparkVersion();
    String sparkMaster = engine.master();
    long sparkStarted = System.nanoTime();
    try {
      dir.claim(identity);
      dir.writeText(RunDirectory.CONFIG_FILE, config.render());
      dir.writeText(RunDirectory.TEST_POINTS_FILE, points.toCsv());
      votes = engine.votes(dir, VotePlan.of(config, new MlpLearner(config.learner()), train, test, cuts));
    } finally {
      engine.close();
    }
    long trained = System.nanoTime();

    RunRecord.Trained origin = new RunRecord.Trained(new RunRecord.Place(dir.location(), sparkMaster, sparkVersion),
        Instant.now().toString(), new RunRecord.Trained.Shares(
            new RunRecord.Share(votes.trainedClassifiers(), votes.slicesTrained()),
            new RunRecord.Share(votes.reusedClassifiers(), votes.slicesReused())),
        new RunRecord.Trained.Timings(RunRecord.seconds(dataDone - start), RunRecord.seconds(sparkStarted - dataDone),
            RunRecord.seconds(trained - sparkStarted)));
    Certification certification = Certification.recorded(dir, config);
    RunVotes runVotes = RunVotes.of(votes.slices(), test.count(), test.classes(),
        config.certify().selectionClassifiers());
    RunReport report = certification.write(dir, train.domains().largest(), train.count(), runVotes, points,
        RunData.provenance(sample), origin, votes.reusedClassifiers() > 0 ? earlierTraining : Optional.empty(), start);
    dir.seal();
    return new Result(votes.reused(), votes.trained(), report, certification.caution());
  }
}
