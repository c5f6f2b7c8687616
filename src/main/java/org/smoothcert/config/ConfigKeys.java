package org.smoothcert.config;

import static org.smoothcert.config.Key.Check.atLeast;
import static org.smoothcert.config.Key.Check.atMost;
import static org.smoothcert.config.Key.Check.finiteAndNotNegative;
import static org.smoothcert.config.Key.Check.finiteNumber;
import static org.smoothcert.config.Key.Check.strictlyBetween;
import static org.smoothcert.config.Key.Check.within;
import static org.smoothcert.config.Key.Votes.DECIDES;
import static org.smoothcert.config.Key.Votes.DECIDES_FOR_TABLES;
import static org.smoothcert.config.Key.Votes.INDIFFERENT;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.smoothcert.certify.Beta;
import org.smoothcert.certify.L0Certificate;
import org.smoothcert.data.CertifiedPoints;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.KeyValues;
import org.smoothcert.data.table.Discretization;
import org.smoothcert.data.Quantizer;
import org.smoothcert.data.table.TableSpec;
import org.smoothcert.model.Activation;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpImplementation;
import org.smoothcert.smoothing.Scheme;

/**
 * Every configuration key, declared once: name, type, checks, and whether it decides what classifier j
 * votes (the votes identity is made of those). The default and the documentation of each are in
 * {@code conf/default.conf} and nowhere else; ConfigKeysTest holds the two lists equal.
 *
 * <p>The data keys take their names from {@link DataSpec} and {@link TableSpec}, the learner's from
 * {@link MlpConfig}: loading the data names them in its own errors (a size the split cannot supply, a
 * folder that is not there), each of those records reads its keys by these names ({@link #valuesOf}), and
 * the data and model rooms do not import this one.
 */
public final class ConfigKeys {
  private static final List<Key<?>> DECLARED = new ArrayList<>();

  /** Classifier j's noise and initial weights are a pure function of (seed, j). */
  public static final Key<Long> SEED = declare(Key.wholeNumber("seed", DECIDES));

  /** Where the data is read from is not part of the identity; the drawn examples' SHA-256 is. */
  public static final Key<DataFormat> FORMAT =
      declare(Key.choice(TableSpec.KEY_FORMAT, INDIFFERENT, DataFormat.values(), DataFormat::key));
  public static final Key<String> DATA_DIR = declare(Key.text(DataSpec.KEY_DIR, INDIFFERENT));
  public static final Key<List<Integer>> DIGITS = declare(Key.integers(DataSpec.KEY_DIGITS, DECIDES));
  public static final Key<Integer> SOURCE_CLASSES =
      declare(Key.integer(DataSpec.KEY_SOURCE_CLASSES, DECIDES, within(2, 256)));
  public static final Key<String> TRAIN_PATH = declare(Key.optionalText(TableSpec.KEY_TRAIN_PATH, INDIFFERENT));
  public static final Key<String> TEST_PATH = declare(Key.optionalText(TableSpec.KEY_TEST_PATH, INDIFFERENT));
  public static final Key<String> LABEL_COLUMN =
      declare(Key.text(TableSpec.KEY_LABEL_COLUMN, DECIDES_FOR_TABLES));
  public static final Key<List<String>> FEATURE_COLUMNS =
      declare(Key.strings(TableSpec.KEY_FEATURE_COLUMNS, DECIDES_FOR_TABLES));
  public static final Key<List<String>> CATEGORICAL_COLUMNS =
      declare(Key.strings(TableSpec.KEY_CATEGORICAL_COLUMNS, DECIDES_FOR_TABLES));
  public static final Key<List<String>> CLASSES =
      declare(Key.strings(TableSpec.KEY_CLASSES, DECIDES_FOR_TABLES));
  public static final Key<Discretization> DISCRETIZE =
      declare(Key.choice(TableSpec.KEY_DISCRETIZE, DECIDES_FOR_TABLES, Discretization.values(),
          Discretization::key));
  public static final Key<Double> THRESHOLD =
      declare(Key.number(TableSpec.KEY_THRESHOLD, DECIDES_FOR_TABLES, finiteNumber()));
  public static final Key<String> BINS_PATH = declare(Key.optionalText(TableSpec.KEY_BINS_PATH, INDIFFERENT));
  public static final Key<Integer> DIMENSION =
      declare(Key.integer(TableSpec.KEY_DIMENSION, DECIDES_FOR_TABLES, atLeast(0),
          atMost(TableSpec.MAX_DIMENSION)));
  public static final Key<Integer> TRAIN_SIZE =
      declare(Key.sizeOrAll(DataSpec.KEY_TRAIN_SIZE, DECIDES, DataSpec.ALL));
  public static final Key<Integer> TEST_SIZE = declare(Key.sizeOrAll(DataSpec.KEY_TEST_SIZE, DECIDES, DataSpec.ALL));
  public static final Key<Integer> LEVELS =
      declare(Key.integer(DataSpec.KEY_LEVELS, DECIDES, within(Quantizer.MIN_LEVELS, Quantizer.MAX_LEVELS)));
  public static final Key<Long> DATA_SEED = declare(Key.wholeNumber(DataSpec.KEY_SEED, DECIDES));
  /**
   * These two joined the votes identity after run directories were made: left out of it at the value
   * those were made with, so their identities still match.
   */
  public static final Key<Integer> VALIDATION_SIZE =
      declare(Key.integer(DataSpec.KEY_VALIDATION_SIZE, DECIDES, atLeast(0)).leftOutOfIdentityAt(0));
  public static final Key<CertifiedPoints> CERTIFY_ON = declare(Key.choice(DataSpec.KEY_CERTIFY_ON, DECIDES,
      CertifiedPoints.values(), CertifiedPoints::key).leftOutOfIdentityAt(CertifiedPoints.TEST));

  /** Also above 1/d for the smaller domain, which needs two keys: see {@link SmoothingConfig}. */
  public static final Key<Double> BETA = declare(Key.number("smoothing.beta", DECIDES, new Key.Check<>(Beta::inRange, Beta.RANGE)));
  public static final Key<Long> CLASSIFIERS =
      declare(Key.wholeNumber("smoothing.classifiers", INDIFFERENT, atLeast(1), atMost(Integer.MAX_VALUE)));
  /**
   * The scheme and its bag keys joined the votes identity after run directories were made: left out of
   * it at the flip noise's values, so those identities still match.
   */
  public static final Key<Scheme> SCHEME = declare(Key.choice("smoothing.scheme", DECIDES, Scheme.values(),
      Scheme::key).leftOutOfIdentityAt(Scheme.FLIP));
  public static final Key<Integer> BAG_SIZE =
      declare(Key.integer("smoothing.bag-size", DECIDES, atLeast(0)).leftOutOfIdentityAt(0));
  public static final Key<Boolean> BAG_REPLACEMENT =
      declare(Key.flag("smoothing.bag-replacement", DECIDES).leftOutOfIdentityAt(true));

  public static final Key<Double> ALPHA = declare(Key.number("certify.alpha", INDIFFERENT, strictlyBetween(0, 1)));
  public static final Key<Boolean> CLASS_SPLIT = declare(Key.flag("certify.class-split", INDIFFERENT));
  public static final Key<Integer> MAX_RADIUS =
      declare(Key.integer("certify.max-radius", INDIFFERENT, atLeast(0),
          atMost(L0Certificate.LARGEST_MAX_RADIUS)));
  public static final Key<String> RUNNER_UP = declare(Key.choice("certify.runner-up", INDIFFERENT,
      new String[] {"auto", "true", "false"}, s -> s));
  public static final Key<Integer> SELECTION_CLASSIFIERS =
      declare(Key.integer("certify.selection-classifiers", INDIFFERENT, atLeast(0)));
  public static final Key<Integer> TRIGGER_SIZE =
      declare(Key.integer("certify.trigger-size", INDIFFERENT, atLeast(0), atMost(100_000)));

  /**
   * At most 4,096 hidden units: with 784 inputs a classifier's weights, gradient and L-BFGS history are then
   * about 0.8 GB per task; far more fails only once the tasks run out of memory.
   */
  public static final Key<Integer> HIDDEN = declare(Key.integer(MlpConfig.KEY_HIDDEN, DECIDES, atLeast(0),
      atMost(4096)));
  public static final Key<Activation> ACTIVATION =
      declare(Key.choice(MlpConfig.KEY_ACTIVATION, DECIDES, Activation.values(), Activation::key));
  public static final Key<Double> L2 = declare(Key.number(MlpConfig.KEY_L2, DECIDES, finiteAndNotNegative()));
  public static final Key<Integer> MAX_ITER = declare(Key.integer(MlpConfig.KEY_MAX_ITER, DECIDES, atLeast(1)));
  public static final Key<Double> TOL = declare(Key.number(MlpConfig.KEY_TOL, DECIDES, finiteAndNotNegative()));
  public static final Key<Integer> LBFGS_MEMORY = declare(Key.integer(MlpConfig.KEY_LBFGS_MEMORY, DECIDES, atLeast(1)));
  public static final Key<Integer> BLOCK_SIZE = declare(Key.integer(MlpConfig.KEY_BLOCK_SIZE, DECIDES, atLeast(1)));
  /** The paths agree to rounding, which can still flip a near-tie vote: they never share votes. */
  public static final Key<MlpImplementation> IMPLEMENTATION =
      declare(Key.choice(MlpConfig.KEY_IMPLEMENTATION, DECIDES, MlpImplementation.values(), MlpImplementation::key));

  public static final Key<Integer> SLICES =
      declare(Key.integer("job.slices", INDIFFERENT, atLeast(0), atMost(JobConfig.MAX_SLICES)));
  public static final Key<String> OUT = declare(Key.text("job.out", INDIFFERENT));
  public static final Key<Boolean> FORCE = declare(Key.flag("job.force", INDIFFERENT));

  private ConfigKeys() {}

  private static <T> Key<T> declare(Key<T> key) {
    DECLARED.add(key);
    return key;
  }

  /**
   * The keys' values in {@code settings} by name, each read and checked as its key says when it is asked
   * for: what the records of the data and model rooms are built from.
   */
  public static KeyValues valuesOf(Config settings) {
    return new KeyValues() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> T read(String key) {
        for (Key<?> declared : DECLARED) {
          if (declared.name().equals(key)) {
            return (T) declared.read(settings);
          }
        }
        throw new IllegalArgumentException("no config key " + key + " is declared");
      }
    };
  }

  /** Every key, in the order of {@code conf/default.conf}. */
  public static List<Key<?>> all() {
    return Collections.unmodifiableList(DECLARED);
  }

  /** The keys that decide what classifier j votes, in a run that reads a table ({@code table}) or IDX files. */
  public static List<Key<?>> decidingVotes(boolean table) {
    return DECLARED.stream().filter(k -> k.decidesVotes(table)).toList();
  }
}
