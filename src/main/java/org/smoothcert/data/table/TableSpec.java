package org.smoothcert.data.table;

import java.util.HashSet;
import java.util.List;
import java.util.function.BinaryOperator;
import org.smoothcert.UserError;
import org.smoothcert.data.DataFormat;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.KeyValues;

/**
 * What table a run reads and how ({@code data.format} and the keys after it in conf/default.conf). The
 * keys are declared in {@code config.ConfigKeys}, which takes the names below from here: reading the
 * table names them in its own errors. For {@code format = idx} only the format counts ({@link DataSpec}
 * says the rest), and setting a table's keys with it is refused, so a forgotten format never reads MNIST.
 *
 * @param format the file format ({@code idx}: the IDX files of {@link DataSpec}, no table)
 * @param paths where the table is read
 * @param columns which columns are the label and the features, and the classes kept
 * @param coding how the feature columns become levels
 */
public record TableSpec(DataFormat format, Paths paths, Columns columns, Coding coding) {
  /**
   * Where the table is read.
   *
   * @param train a file, or a folder of files, as any Hadoop path
   * @param test the same for the test points; empty: they are drawn from {@code train}, disjoint from the
   *     training draw
   * @param bins a reference table the user trusts (same format and columns) on whose rows of the classes the
   *     columns' codings are fitted instead of the training draw, so that no change to the training rows can
   *     move an edge; empty: fitted on the training draw
   */
  public record Paths(String train, String test, String bins) {
    public Paths {
      train = train.strip();
      test = test.strip();
      bins = bins.strip();
    }
  }

  /**
   * Which columns are read.
   *
   * @param label the label column
   * @param features the columns that are features, in order; empty: every column but the label
   * @param categorical feature columns kept as they are: each value found in the training draw is a value of
   *     the column's own domain, plus one for values it does not hold
   * @param classes the label values to keep, in class order (numbers or strings); rows with other labels are
   *     skipped and counted
   */
  public record Columns(String label, List<String> features, List<String> categorical, List<String> classes) {
    public Columns {
      features = List.copyOf(features);
      categorical = List.copyOf(categorical);
      classes = List.copyOf(classes);
    }
  }

  /**
   * How the feature columns are coded.
   *
   * @param discretize how a numeric column is cut into levels
   * @param threshold where {@link Discretization#THRESHOLD} cuts
   * @param dimension for LibSVM: the number of features (indices 1 to dimension); 0: the largest index of
   *     the training file
   */
  public record Coding(Discretization discretize, double threshold, int dimension) {}

  public static final String KEY_FORMAT = "data.format";
  public static final String KEY_TRAIN_PATH = "data.train-path";
  public static final String KEY_TEST_PATH = "data.test-path";
  public static final String KEY_LABEL_COLUMN = "data.label-column";
  public static final String KEY_FEATURE_COLUMNS = "data.feature-columns";
  public static final String KEY_CATEGORICAL_COLUMNS = "data.categorical-columns";
  public static final String KEY_CLASSES = "data.classes";
  public static final String KEY_DISCRETIZE = "data.discretize";
  public static final String KEY_THRESHOLD = "data.threshold";
  public static final String KEY_DIMENSION = "data.dimension";
  public static final String KEY_BINS_PATH = "data.bins-path";

  /** Reads the table's keys of a run (in the order config has always read them) and checks them. */
  public static TableSpec from(KeyValues values) {
    DataFormat format = values.read(KEY_FORMAT);
    String trainPath = values.read(KEY_TRAIN_PATH);
    String testPath = values.read(KEY_TEST_PATH);
    String labelColumn = values.read(KEY_LABEL_COLUMN);
    List<String> featureColumns = values.read(KEY_FEATURE_COLUMNS);
    List<String> categoricalColumns = values.read(KEY_CATEGORICAL_COLUMNS);
    List<String> classes = values.read(KEY_CLASSES);
    Discretization discretize = values.read(KEY_DISCRETIZE);
    double threshold = values.read(KEY_THRESHOLD);
    int dimension = values.read(KEY_DIMENSION);
    String binsPath = values.read(KEY_BINS_PATH);
    return new TableSpec(format, new Paths(trainPath, testPath, binsPath),
        new Columns(labelColumn, featureColumns, categoricalColumns, classes),
        new Coding(discretize, threshold, dimension));
  }

  /** This table with its codings fitted on the reference table at {@code path} (empty: the training draw). */
  public TableSpec withBinsPath(String path) {
    return new TableSpec(format, new Paths(paths.train(), paths.test(), path), columns, coding);
  }

  /**
   * This table with each of its paths replaced by {@code resolve.apply(path, key)}, in the order train,
   * test, bins (e.g. a relative path looked up in another folder).
   */
  public TableSpec withPaths(BinaryOperator<String> resolve) {
    return new TableSpec(format, new Paths(resolve.apply(paths.train(), KEY_TRAIN_PATH),
        resolve.apply(paths.test(), KEY_TEST_PATH), resolve.apply(paths.bins(), KEY_BINS_PATH)), columns, coding);
  }

  /** Whether the codings are fitted on a reference table rather than on the (attackable) training draw. */
  public boolean fixedByReference() {
    return !paths.bins().isEmpty();
  }

  public String trainPath() {
    return paths.train();
  }

  public String testPath() {
    return paths.test();
  }

  public String binsPath() {
    return paths.bins();
  }

  public String labelColumn() {
    return columns.label();
  }

  public List<String> featureColumns() {
    return columns.features();
  }

  public List<String> categoricalColumns() {
    return columns.categorical();
  }

  public List<String> classes() {
    return columns.classes();
  }

  public Discretization discretize() {
    return coding.discretize();
  }

  public double threshold() {
    return coding.threshold();
  }

  public int dimension() {
    return coding.dimension();
  }

  /** The most features a LibSVM table may have (data.dimension, or its largest index): a column each is held. */
  public static final int MAX_DIMENSION = 1_000_000;

  /** Checks what involves several keys; each key's own range is checked when it is read. */
  public TableSpec {
    String trainPath = paths.train();
    String testPath = paths.test();
    String binsPath = paths.bins();
    String labelColumn = columns.label();
    List<String> featureColumns = columns.features();
    List<String> categoricalColumns = columns.categorical();
    List<String> classes = columns.classes();
    Discretization discretize = coding.discretize();
    int dimension = coding.dimension();
    if (format.isTable()) {
      checkTable(format, trainPath, labelColumn, featureColumns, categoricalColumns, classes, dimension);
      if (!binsPath.isEmpty() && discretize == Discretization.THRESHOLD && categoricalColumns.isEmpty()) {
        throw new UserError(KEY_BINS_PATH + " fits the bins on a reference table, but " + KEY_DISCRETIZE
            + " = threshold cuts at data.threshold, fitted on nothing; leave " + KEY_BINS_PATH + " empty");
      }
    } else {
      checkIdx(trainPath, testPath, featureColumns, categoricalColumns, classes, discretize, dimension);
      if (!binsPath.isEmpty()) {
        throw new UserError(KEY_BINS_PATH + " is set, but " + KEY_FORMAT + " = idx quantizes pixels at fixed levels;"
            + " set " + KEY_FORMAT + " = libsvm, csv or parquet to read a table");
      }
    }
  }

  private static void checkTable(DataFormat format, String trainPath, String labelColumn,
      List<String> featureColumns, List<String> categoricalColumns, List<String> classes, int dimension) {
    if (trainPath.isEmpty()) {
      throw new UserError(KEY_TRAIN_PATH + ": set the file or folder to read with " + KEY_FORMAT + " = "
          + format.key());
    }
    if (classes.size() < 2) {
      throw new UserError(KEY_CLASSES + ": list the label values to certify, in class order, at least two (e.g."
          + " [0, 1] or [malignant, benign]); rows with other labels are skipped, got " + classes);
    }
    new ClassList(classes, KEY_CLASSES);
    requireDistinct(KEY_FEATURE_COLUMNS, featureColumns);
    requireDistinct(KEY_CATEGORICAL_COLUMNS, categoricalColumns);
    if (featureColumns.contains(labelColumn) || categoricalColumns.contains(labelColumn)) {
      throw new UserError(KEY_LABEL_COLUMN + " '" + labelColumn + "' is also listed as a feature column");
    }
    if (!featureColumns.isEmpty()) {
      for (String column : categoricalColumns) {
        if (!featureColumns.contains(column)) {
          throw new UserError(KEY_CATEGORICAL_COLUMNS + ": '" + column + "' is not one of " + KEY_FEATURE_COLUMNS);
        }
      }
    }
    if (dimension > 0 && format != DataFormat.LIBSVM) {
      throw new UserError(KEY_DIMENSION + " is for " + KEY_FORMAT + " = libsvm, got " + KEY_FORMAT + " = "
          + format.key());
    }
  }

  private static void checkIdx(String trainPath, String testPath, List<String> featureColumns,
      List<String> categoricalColumns, List<String> classes, Discretization discretize, int dimension) {
    String set = !trainPath.isEmpty() ? KEY_TRAIN_PATH : !testPath.isEmpty() ? KEY_TEST_PATH
        : !featureColumns.isEmpty() ? KEY_FEATURE_COLUMNS : !categoricalColumns.isEmpty() ? KEY_CATEGORICAL_COLUMNS
        : !classes.isEmpty() ? KEY_CLASSES : discretize != Discretization.UNIFORM ? KEY_DISCRETIZE
        : dimension != 0 ? KEY_DIMENSION : null;
    if (set != null) {
      throw new UserError(set + " is set, but " + KEY_FORMAT + " = idx reads IDX files from " + DataSpec.KEY_DIR
          + " (its pixels are quantized into data.levels); set " + KEY_FORMAT + " = libsvm, csv or parquet to read"
          + " a table");
    }
  }

  private static void requireDistinct(String key, List<String> names) {
    if (new HashSet<>(names).size() != names.size()) {
      throw new UserError(key + ": a column is listed twice in " + names);
    }
  }

  /** Discretizing into {@code levels} values: a threshold makes two. */
  public void requireLevels(int levels, String levelsKey) {
    if (format.isTable() && discretize() == Discretization.THRESHOLD && levels != 2) {
      throw new UserError(KEY_DISCRETIZE + " = threshold makes two values, but " + levelsKey + " = " + levels
          + "; use uniform or quantile for more");
    }
  }
}
