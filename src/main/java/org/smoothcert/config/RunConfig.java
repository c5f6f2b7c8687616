package org.smoothcert.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.util.Map;
import java.util.TreeMap;
import org.smoothcert.UserError;
import org.smoothcert.data.DataSpec;
import org.smoothcert.model.Activation;
import org.smoothcert.model.MlpConfig;

/**
 * One run's validated configuration: every section read and range-checked before any Spark work
 * starts, each error naming its key.
 */
public record RunConfig(long seed, DataSpec data, SmoothingConfig smoothing, CertifyConfig certify,
    MlpConfig learner, JobConfig job, Config source) {
  /** Bumped whenever the noise or the learner would give other votes for the same settings. */
  public static final String VOTES_FORMAT = "1";

  public static RunConfig from(Config c) {
    long seed = Keys.getLong(c, "seed");
    DataSpec data = new DataSpec(Keys.getString(c, DataSpec.KEY_DIR), Keys.getIntList(c, DataSpec.KEY_DIGITS),
        Keys.getInt(c, DataSpec.KEY_TRAIN_SIZE), Keys.getInt(c, DataSpec.KEY_TEST_SIZE),
        Keys.getInt(c, DataSpec.KEY_LEVELS), Keys.getLong(c, "data.seed"),
        Keys.getInt(c, DataSpec.KEY_SOURCE_CLASSES));
    SmoothingConfig smoothing = SmoothingConfig.from(c, data.levels(), data.digits().size());
    CertifyConfig certify = CertifyConfig.from(c);
    if (certify.selectionClassifiers() >= smoothing.classifiers()) {
      throw new UserError("certify.selection-classifiers (" + certify.selectionClassifiers()
          + ") must be below smoothing.classifiers (" + smoothing.classifiers() + ")");
    }
    MlpConfig learner = new MlpConfig(Keys.getInt(c, MlpConfig.HIDDEN),
        Activation.parse(Keys.getString(c, MlpConfig.ACTIVATION)), Keys.getDouble(c, MlpConfig.L2),
        Keys.getInt(c, MlpConfig.MAX_ITER),
        Keys.getDouble(c, MlpConfig.TOL), Keys.getInt(c, MlpConfig.LBFGS_MEMORY),
        Keys.getInt(c, MlpConfig.BLOCK_SIZE), RetiredLearnerKeys.implementation(c));
    return new RunConfig(seed, data, smoothing, certify, learner, JobConfig.from(c), c);
  }

  /** Feature domain d_f: the pixel levels. */
  public int featureDomain() {
    return data.levels();
  }

  /** Label domain c: the number of classes. */
  public int classes() {
    return data.digits().size();
  }

  /**
   * Keys that joined the votes identity after run directories were already being made, with the value
   * a directory made before then was implicitly trained with: the sigmoid, no weight decay. A stored
   * identity without such a key is read as having that value, so those directories can still be resumed
   * and certified with the configuration that matches them. (learner.optimizer, which came later too and
   * is gone again, is read by {@link RetiredLearnerKeys}.)
   */
  public static final Map<String, String> IDENTITY_KEYS_ADDED_LATER = Map.of(
      MlpConfig.ACTIVATION, "sigmoid",
      MlpConfig.L2, "0.0");

  /**
   * A stored identity completed with the implied values of {@link #IDENTITY_KEYS_ADDED_LATER}, its
   * learner in today's spelling: sparse + arrays is fast, mllib + breeze is mllib, and an identity of a
   * mixed combination is refused with a {@link UserError} (those votes can be re-certified, not resumed).
   */
  public static Map<String, String> completeIdentity(Map<String, String> stored) {
    Map<String, String> complete = new TreeMap<>(IDENTITY_KEYS_ADDED_LATER);
    complete.putAll(stored);
    return RetiredLearnerKeys.inTodaysSpelling(complete);
  }

  /**
   * Everything that decides what classifier j votes, plus a hash of the drawn data. Two runs with the
   * same identity give the same votes for every j, so their checkpoints can be shared; N, alpha and
   * the job's slicing are not part of it.
   */
  public Map<String, String> votesIdentity(String dataSha256) {
    Map<String, String> id = new TreeMap<>();
    id.put("seed", Long.toString(seed));
    id.put(DataSpec.KEY_DIGITS, data.digits().toString());
    id.put(DataSpec.KEY_TRAIN_SIZE, Integer.toString(data.trainSize()));
    id.put(DataSpec.KEY_TEST_SIZE, Integer.toString(data.testSize()));
    id.put(DataSpec.KEY_LEVELS, Integer.toString(data.levels()));
    id.put(DataSpec.KEY_SOURCE_CLASSES, Integer.toString(data.sourceClasses()));
    id.put("data.seed", Long.toString(data.seed()));
    id.put("data.sha256", dataSha256);
    id.put("smoothing.beta", Double.toString(smoothing.beta()));
    id.put(MlpConfig.HIDDEN, Integer.toString(learner.hidden()));
    id.put(MlpConfig.ACTIVATION, learner.activation().key());
    id.put(MlpConfig.L2, Double.toString(learner.l2()));
    id.put(MlpConfig.MAX_ITER, Integer.toString(learner.maxIter()));
    id.put(MlpConfig.TOL, Double.toString(learner.tol()));
    id.put(MlpConfig.LBFGS_MEMORY, Integer.toString(learner.lbfgsMemory()));
    id.put(MlpConfig.BLOCK_SIZE, Integer.toString(learner.blockSize()));
    // The paths agree to rounding, which can still flip a near-tie vote.
    id.put(MlpConfig.IMPLEMENTATION, learner.implementation().key());
    id.put("votes-format", VOTES_FORMAT);
    return id;
  }

  /** The resolved configuration as HOCON, for the run directory. */
  public String render() {
    return source.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
  }
}
