package org.smoothcert.attack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.UserError;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.CertifiedPoints;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.experiments.Certification;
import org.smoothcert.experiments.RunData;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.report.RunRecord;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.spark.CollectedVotes;
import org.smoothcert.spark.Engine;
import org.smoothcert.spark.VotePlan;
import org.smoothcert.votes.RunVotes;

/**
 * What every attack run shares: the config and its data, the output folder, the clean run directory
 * and the learner; run directories checked against the votes of their data before Spark starts and taken
 * when the run begins, and smoothed classifiers trained with the run's seed (so classifier j meets the
 * clean run's training noise). {@link #begin} takes the folders, {@link #close} releases them in any case.
 */
final class AttackSetting implements AutoCloseable {
  final RunConfig config;
  final DataSample sample;
  final TestPoints points;
  final RunDirectory root;
  final RunDirectory clean;
  final MlpLearner learner;
  private final Configuration hadoop;
  /** Each run directory's claim, made when it is taken. */
  private final Map<RunDirectory, Claim> claims = new LinkedHashMap<>();
  private boolean begun;

  /** @param cleanLocation a run directory with (or for) the clean votes; null for {@code <out>/clean} */
  AttackSetting(RunConfig config, String cleanLocation, Configuration hadoop) {
    if (config.data().testSize() == org.smoothcert.data.DataSpec.ALL) {
      throw new org.smoothcert.UserError("data.test-size = all: an attack certifies the test points of the clean"
          + " run with alpha split over them, so give their number (e.g. --set data.test-size=500)");
    }
    if (config.data().certified() != CertifiedPoints.TEST) {
      throw new UserError("attack mounts its attacks on test points: " + DataSpec.KEY_CERTIFY_ON + " must be test");
    }
    if (config.table().format().isTable()) {
      throw new UserError("attack needs images (data.format = idx): its triggers are patches of pixels, got data.format = "
          + config.table().format().key());
    }
    this.config = config;
    this.hadoop = hadoop;
    this.sample = RunData.load(config, hadoop);
    this.points = TestPoints.of(sample.test(), sample.certifiedSourceIndices());
    this.root = RunDirectory.writable(config.job().out(), hadoop, config.job().force());
    String location = cleanLocation != null ? cleanLocation : root.location() + "/clean";
    this.clean = check(location, sample.train(), sample.test(), Map.of());
    this.learner = new MlpLearner(config.learner());
  }

  Examples train() {
    return sample.train();
  }

  Examples test() {
    return sample.test();
  }

  /**
   * The run directory {@code <out>/<name>} for the votes of (train, test) under the attack's name: checked
   * now, taken by {@link #begin}, or at once when the run has begun.
   */
  RunDirectory attackDirectory(String name, Examples train, Examples test) {
    RunDirectory dir = check(root.location() + "/" + name, train, test, Map.of("attack", name));
    if (begun) {
      take(dir);
    }
    return dir;
  }

  /** Refuses, before Spark starts, a run directory that holds the votes of another config than these data's. */
  private RunDirectory check(String location, Examples train, Examples test, Map<String, String> extra) {
    RunDirectory dir = RunDirectory.writable(location, hadoop, config.job().force());
    Map<String, String> identity = new LinkedHashMap<>(config.votesIdentity(RunData.sha256(train, test)));
    identity.putAll(extra);
    dir.requireIdentity(identity);
    claims.put(dir, new Claim(identity, test.count() == points.size()));
    return dir;
  }

  /** Takes the output folder and every run directory checked so far (refusing while another run holds one). */
  void begin() {
    root.begin();
    claims.keySet().forEach(this::take);
    begun = true;
  }

  /**
   * The identity of a run directory's votes, and whether its rows are the test points (an adaptive level's
   * rows are attacked copies, several per point: it has no test-points.csv).
   */
  private record Claim(Map<String, String> identity, boolean rowsAreTestPoints) {}

  private void take(RunDirectory dir) {
    Claim claim = claims.get(dir);
    dir.claim(claim.identity());
    dir.writeText(RunDirectory.CONFIG_FILE, config.render());
    if (claim.rowsAreTestPoints()) {
      dir.writeText(RunDirectory.TEST_POINTS_FILE, points.toCsv());
    }
  }

  /** Releases every folder taken, also after a failure. */
  @Override
  public void close() {
    claims.keySet().forEach(RunDirectory::close);
    root.close();
  }

  /** The votes of the smoothed classifier on (train, test) with the run's seed, trained on Spark (checkpointed). */
  CollectedVotes votes(Engine engine, RunDirectory dir, Examples train, Examples test) {
    return engine.votes(dir, VotePlan.of(config, learner, train, test));
  }

  RunVotes runVotes(CollectedVotes votes, Examples test) {
    return RunVotes.of(votes.slices(), test.count(), test.classes(), config.certify().selectionClassifiers());
  }

  /** The smoothed classifier on (train, test) with the run's seed: trained on Spark, certified, reported. */
  RunReport smoothed(Engine engine, RunDirectory dir, Examples train, Examples test, String name) {
    long started = System.nanoTime();
    CollectedVotes votes = votes(engine, dir, train, test);
    RunRecord.Attacked origin = new RunRecord.Attacked(
        new RunRecord.Place(dir.location(), engine.master(), engine.sparkVersion()), name, votes.trainedClassifiers(),
        votes.reusedClassifiers());
    // Recorded beside the votes before the reports, as a run records it: every later certificate on them
    // counts this one in its union bound.
    RunReport report = Certification.recorded(dir, config).write(dir, sample.train().domains().largest(),
        sample.train().count(), runVotes(votes, test), points, RunData.provenance(sample), origin, Optional.empty(),
        started);
    dir.seal();
    return report;
  }
}
