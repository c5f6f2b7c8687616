package org.smoothcert.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.util.Map;
import java.util.TreeMap;
import org.smoothcert.UserError;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.KeyValues;
import org.smoothcert.data.table.TableSpec;
import org.smoothcert.model.MlpConfig;

/**
 * One run's validated configuration: every section read and range-checked before any Spark work
 * starts, each error naming its key.
 *
 * @param input the data the run reads
 * @param method how the run trains, votes and certifies
 * @param job how the work is cut and where it goes
 * @param source the configuration as given, which {@link #render} writes and {@link #votesIdentity} reads
 */
public record RunConfig(Input input, Method method, JobConfig job, Config source) {
  /**
   * The data a run reads.
   *
   * @param data the IDX files' examples and the draw (for a table: the draw)
   * @param table the table read, if {@code data.format} names one
   */
  public record Input(DataSpec data, TableSpec table) {}

  /**
   * How a run trains, votes and certifies.
   *
   * @param seed classifier j's noise and initial weights are a pure function of (seed, j)
   * @param smoothing how classifier j's sets are derived, and how many classifiers vote
   * @param learner how each classifier is trained
   * @param certify how the votes become certificates
   */
  public record Method(long seed, SmoothingConfig smoothing, MlpConfig learner, CertifyConfig certify) {}

  /** Bumped whenever the noise or the learner would give other votes for the same settings. */
  public static final String VOTES_FORMAT = "1";

  /**
   * Reads and checks every key of {@code c}. A run directory's stored config may spell the learner the
   * old way ({@link RetiredLearnerKeys}): it is read as today's path, and {@link #source} keeps its text.
   */
  public static RunConfig from(Config c) {
    Config settings = RetiredLearnerKeys.inTodaysSpelling(c);
    long seed = ConfigKeys.SEED.read(settings);
    KeyValues values = ConfigKeys.valuesOf(settings);
    DataSpec data = DataSpec.from(values);
    TableSpec table = TableSpec.from(values);
    table.requireLevels(data.levels(), ConfigKeys.LEVELS.name());
    int classes = table.format().isTable() ? table.classes().size() : data.digits().size();
    SmoothingConfig smoothing = SmoothingConfig.from(settings, data.levels(), classes);
    CertifyConfig certify = CertifyConfig.from(settings);
    if (smoothing.scheme() == org.smoothcert.smoothing.Scheme.PARTITION && certify.selectionClassifiers() > 0) {
      throw new UserError(ConfigKeys.SELECTION_CLASSIFIERS + " = " + certify.selectionClassifiers() + ": partition"
          + " aggregation's certificate is deterministic, from all N parts' votes; it has no two-sample protocol");
    }
    if (certify.selectionClassifiers() >= smoothing.classifiers()) {
      throw new UserError(ConfigKeys.SELECTION_CLASSIFIERS + " (" + certify.selectionClassifiers()
          + ") must be below " + ConfigKeys.CLASSIFIERS + " (" + smoothing.classifiers() + ")");
    }
    // With a size of "all" the points are counted once the data is drawn; the run checks the split then.
    if (data.certifiedSize() != DataSpec.ALL) {
      try {
        AlphaSplit.of(certify.alpha(), data.certifiedSize(), classes, certify.classSplit(),
            certify.runnerUpFor(classes), certify.selectionClassifiers() > 0);
      } catch (IllegalArgumentException e) {
        throw new UserError("certify." + e.getMessage());
      }
    }
    MlpConfig learner = MlpConfig.from(values);
    return new RunConfig(new Input(data, table), new Method(seed, smoothing, learner, certify),
        JobConfig.from(settings), c);
  }

  public long seed() {
    return method.seed();
  }

  public DataSpec data() {
    return input.data();
  }

  public TableSpec table() {
    return input.table();
  }

  public SmoothingConfig smoothing() {
    return method.smoothing();
  }

  public MlpConfig learner() {
    return method.learner();
  }

  public CertifyConfig certify() {
    return method.certify();
  }

  /** The built-in defaults, {@code conf/default.conf}. */
  public static RunConfig defaults() {
    return from(ConfigLoader.defaults().resolve());
  }

  /**
   * This configuration with {@code key} set to {@code value}, read and checked again as a whole: the way
   * code derives a variant (a bench path, a test's learner) from a loaded configuration.
   */
  public <T> RunConfig with(Key<T> key, T value) {
    return from(source.withValue(key.name(), key.toConfigValue(value, "with " + key + " = " + value)));
  }

  /**
   * Feature domain d_f as the configuration fixes it: the levels of a pixel or of a discretized column.
   * A table's categorical columns have domains of their own, found in the data: a run takes its
   * certificate's domain from the data it loaded.
   */
  public int featureDomain() {
    return data().levels();
  }

  /** Label domain c: the number of classes (digits of IDX files, or a table's classes). */
  public int classes() {
    return table().format().isTable() ? table().classes().size() : data().digits().size();
  }

  /**
   * Keys that joined the votes identity after run directories were already being made, with the value
   * a directory made before then was implicitly trained with: the sigmoid, no weight decay. A stored
   * identity without such a key is read as having that value, so those directories can still be resumed
   * and certified with the configuration that matches them. (learner.optimizer, which came later too and
   * is gone again, is read by {@link RetiredLearnerKeys}.)
   */
  public static final Map<String, String> IDENTITY_KEYS_ADDED_LATER = Map.of(
      ConfigKeys.ACTIVATION.name(), "sigmoid",
      ConfigKeys.L2.name(), "0.0");

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
   * Everything that decides what classifier j votes (the keys {@link ConfigKeys} declares so, each value
   * spelled by its type: "0.9", "[1, 7]", "fast", except a key left out at its old value), plus a hash of
   * the drawn data and the votes format.
   * Two runs with the same identity give the same votes for every j, so their checkpoints can be shared;
   * N, alpha and the job's slicing are not part of it.
   */
  public Map<String, String> votesIdentity(String dataSha256) {
    Config settings = RetiredLearnerKeys.inTodaysSpelling(source);
    Map<String, String> id = new TreeMap<>();
    for (Key<?> key : ConfigKeys.decidingVotes(table().format().isTable())) {
      if (key.inIdentity(settings)) {
        id.put(key.name(), key.spelled(settings));
      }
    }
    if (smoothing().scheme() == org.smoothcert.smoothing.Scheme.PARTITION) {
      // Classifier j's part is the examples whose hash is j modulo N: another N cuts other, overlapping
      // parts, so N decides what every classifier votes.
      id.put(ConfigKeys.CLASSIFIERS.name(), Integer.toString(smoothing().classifiers()));
    }
    id.put("data.sha256", dataSha256);
    id.put("votes-format", VOTES_FORMAT);
    return id;
  }

  /** The resolved configuration as HOCON, for the run directory. */
  public String render() {
    return source.root().render(ConfigRenderOptions.defaults().setOriginComments(false).setJson(false));
  }
}
