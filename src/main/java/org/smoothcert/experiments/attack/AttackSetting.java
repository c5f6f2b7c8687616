package org.smoothcert.experiments.attack;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.Examples;
import org.smoothcert.experiments.RunData;
import org.smoothcert.model.fast.MlpLearner;
import org.smoothcert.report.Reports;
import org.smoothcert.report.RunReport;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.spark.CollectedVotes;
import org.smoothcert.spark.Engine;
import org.smoothcert.votes.RunVotes;

/**
 * What every attack run shares: the config and its data, the output folder, the clean run directory
 * and the learner; run directories bound to the votes of their data before Spark starts, and smoothed
 * classifiers trained with the run's seed (so classifier j meets the clean run's training noise).
 */
final class AttackSetting {
  final RunConfig config;
  final DataSample sample;
  final TestPoints points;
  final RunDirectory root;
  final RunDirectory clean;
  final MlpLearner learner;
  private final Configuration hadoop;

  /** @param cleanLocation a run directory with (or for) the clean votes; null for {@code <out>/clean} */
  AttackSetting(RunConfig config, String cleanLocation, Configuration hadoop) {
    this.config = config;
    this.hadoop = hadoop;
    this.sample = RunData.load(config, hadoop);
    this.points = TestPoints.of(sample.test(), sample.provenance().test().sourceIndices());
    this.root = RunDirectory.create(config.job().out(), hadoop);
    String location = cleanLocation != null ? cleanLocation : root.location() + "/clean";
    this.clean = bind(location, sample.train(), sample.test(), Map.of());
    this.learner = new MlpLearner(config.learner());
  }

  Examples train() {
    return sample.train();
  }

  Examples test() {
    return sample.test();
  }

  /** The run directory {@code <out>/<name>}, bound to the votes of (train, test) under the attack's name. */
  RunDirectory attackDirectory(String name, Examples train, Examples test) {
    return bind(root.location() + "/" + name, train, test, Map.of("attack", name));
  }

  /** Binds a run directory to the votes of these data (refusing one of another config) before Spark starts. */
  private RunDirectory bind(String location, Examples train, Examples test, Map<String, String> extra) {
    RunDirectory dir = RunDirectory.create(location, hadoop);
    Map<String, String> identity = new LinkedHashMap<>(config.votesIdentity(RunData.sha256(train, test)));
    identity.putAll(extra);
    dir.claim(identity);
    if (!dir.exists(RunDirectory.CONFIG_FILE)) {
      dir.writeText(RunDirectory.CONFIG_FILE, config.render());
      if (test.count() == points.size()) {
        dir.writeText(RunDirectory.TEST_POINTS_FILE, points.toCsv());
      }
    }
    return dir;
  }

  /** The votes of the smoothed classifier on (train, test) with the run's seed, trained on Spark (checkpointed). */
  CollectedVotes votes(Engine engine, RunDirectory dir, Examples train, Examples test) {
    return engine.votes(dir, train, test, learner, config.seed(), config.smoothing().beta(),
        config.smoothing().classifiers(), config.job().slices(), config.certify().selectionClassifiers());
  }

  RunVotes runVotes(CollectedVotes votes, Examples test) {
    return RunVotes.of(votes.slices(), test.count(), test.classes(), config.certify().selectionClassifiers());
  }

  /** The smoothed classifier on (train, test) with the run's seed: trained on Spark, certified, reported. */
  RunReport smoothed(Engine engine, RunDirectory dir, Examples train, Examples test, String name) {
    long started = System.nanoTime();
    CollectedVotes votes = votes(engine, dir, train, test);
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("directory", dir.location());
    run.put("attack", name);
    run.put("master", engine.master());
    run.put("spark_version", engine.sparkVersion());
    run.put("classifiers_trained", votes.trainedClassifiers());
    run.put("classifiers_reused", votes.reusedClassifiers());
    return Reports.certifyAndWrite(dir, config, runVotes(votes, test), points, RunData.provenance(sample), run,
        started);
  }
}
