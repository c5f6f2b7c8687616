package org.smoothcert.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a table's {@link DataSample} came from and how it was made discrete, for the run's summary.
 *
 * @param source the table's format, paths and label column
 * @param drawing the classes kept and the seed the rows were drawn with
 * @param coding how the feature columns were made discrete
 * @param sides the training, test and validation sides; validation is drawn from the training path's rows
 *     after the other sides, disjoint from them (empty when no validation rows were asked for)
 */
public record TableProvenance(Source source, Drawing drawing, Coding coding, DataSample.Sides<Side> sides)
    implements SampleOrigin {
  /** The method of a categorical column (its values coded in order); other columns are cut by edges. */
  public static final String CATEGORICAL = "categorical";
  /** {@link #binsFittedOn} when the codings were fitted on the training draw. */
  public static final String TRAINING_DRAW = "the training draw";

  /**
   * The table read.
   *
   * @param testPath the test points' path; empty when they were drawn from {@code trainPath}
   */
  public record Source(String format, String trainPath, String testPath, String labelColumn) {}

  /** The classes kept, in class order, and the seed the rows were drawn with. */
  public record Drawing(List<String> classes, long seed) {
    public Drawing {
      classes = List.copyOf(classes);
    }
  }

  /**
   * How the feature columns were made discrete.
   *
   * @param binsFittedOn what the columns' codings were fitted on: {@link TableProvenance#TRAINING_DRAW} (rows
   *     the attacker controls: a changed training value may move an edge), the reference table of
   *     data.bins-path, or data.threshold, fitted on nothing
   * @param columns each feature column's coding
   */
  public record Coding(int levels, String discretize, String binsFittedOn, List<Column> columns) {
    public Coding {
      columns = List.copyOf(columns);
    }
  }

  public String format() {
    return source.format();
  }

  public String trainPath() {
    return source.trainPath();
  }

  public String testPath() {
    return source.testPath();
  }

  public String labelColumn() {
    return source.labelColumn();
  }

  public List<String> classes() {
    return drawing.classes();
  }

  public long seed() {
    return drawing.seed();
  }

  public int levels() {
    return coding.levels();
  }

  public String discretize() {
    return coding.discretize();
  }

  public String binsFittedOn() {
    return coding.binsFittedOn();
  }

  public List<Column> columns() {
    return coding.columns();
  }

  public Side train() {
    return sides.train();
  }

  public Side test() {
    return sides.test();
  }

  public Side validation() {
    return sides.validation();
  }

  /**
   * One feature column: its domain and how its values map into it.
   *
   * @param mapping what its codes stand for
   */
  public record Column(String name, String method, int domain, Mapping mapping) {
    /**
     * What a column's codes stand for.
     *
     * @param edges a number column's bin edges (value v is the number of edges at or below it)
     * @param values a categorical column's values in code order; the code after the last is for test
     *     values the training draw does not hold
     * @param unseenTestValues test points whose value of this categorical column the training draw does
     *     not hold (they take the last code)
     * @param unseenValidationValues the same count for the validation rows
     */
    public record Mapping(List<Double> edges, List<String> values, int unseenTestValues, int unseenValidationValues) {}

    public List<Double> edges() {
      return mapping.edges();
    }

    public List<String> values() {
      return mapping.values();
    }

    public int unseenTestValues() {
      return mapping.unseenTestValues();
    }

    public int unseenValidationValues() {
      return mapping.unseenValidationValues();
    }
  }

  /**
   * One side (train, test or validation) of the sample.
   *
   * @param read what was read for it
   * @param counts its rows of each class, and those of no class
   * @param sourceIndices index among the rows read of each example drawn, in the order of the rows of the
   *     {@link Examples}
   */
  public record Side(Read read, Counts counts, List<Integer> sourceIndices) {
    public Side {
      sourceIndices = List.copyOf(sourceIndices);
    }

    /**
     * What was read for a side.
     *
     * @param rowsRead rows read from the side's files, of every class
     */
    public record Read(String path, List<String> files, int rowsRead) {
      public Read {
        files = List.copyOf(files);
      }
    }

    /**
     * A side's rows of each class, and those of no class.
     *
     * @param availablePerClass rows of each class
     * @param otherClasses rows with a label that is not a class, skipped
     * @param otherLabels the first few such labels
     */
    public record Counts(List<Integer> availablePerClass, List<Integer> drawnPerClass, int otherClasses,
        List<String> otherLabels) {
      public Counts {
        availablePerClass = List.copyOf(availablePerClass);
        drawnPerClass = List.copyOf(drawnPerClass);
        otherLabels = List.copyOf(otherLabels);
      }
    }

    public String path() {
      return read.path();
    }

    public List<String> files() {
      return read.files();
    }

    public int rowsRead() {
      return read.rowsRead();
    }

    public List<Integer> availablePerClass() {
      return counts.availablePerClass();
    }

    public List<Integer> drawnPerClass() {
      return counts.drawnPerClass();
    }

    public int otherClasses() {
      return counts.otherClasses();
    }

    public List<String> otherLabels() {
      return counts.otherLabels();
    }

    Map<String, Object> summary() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", path());
      m.put("files", files());
      m.put("rows_read", rowsRead());
      m.put("available_per_class", availablePerClass());
      m.put("drawn_per_class", drawnPerClass());
      m.put("other_classes_skipped", otherClasses());
      m.put("other_labels", otherLabels());
      return m;
    }
  }

  @Override
  public List<Integer> sourceIndices(CertifiedPoints points) {
    return (points == CertifiedPoints.VALIDATION ? validation() : test()).sourceIndices();
  }

  public boolean oneSplit() {
    return testPath().isEmpty();
  }

  /** The data section of summary.json. */
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format());
    m.put("label_column", labelColumn());
    m.put("classes", classes());
    m.put("features", columns().size());
    m.put("levels", levels());
    m.put("discretize", discretize());
    m.put("bins_fitted_on", binsFittedOn());
    if (binsFittedOn().equals(TRAINING_DRAW)) {
      m.put("bins_caution", "the edges (and categorical codes) were fitted on the training rows, which a poisoning"
          + " attacker controls: one changed raw value can move an edge and so change cells of many rows, the test"
          + " point's included. The certificate counts changed cells with the edges held fixed; set data.bins-path"
          + " to a reference table you trust to fix them");
    }
    m.put("seed", seed());
    m.put("one_split", oneSplit());
    m.put("train", train().summary());
    m.put("test", test().summary());
    if (!validation().sourceIndices().isEmpty()) {
      m.put("validation", validation().summary());
    }
    m.put("feature_domains", domains());
    m.put("columns", columns().stream().map(TableProvenance::columnSummary).toList());
    return m;
  }

  private Map<String, Object> domains() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("smallest", columns().stream().mapToInt(Column::domain).min().orElse(0));
    m.put("largest", columns().stream().mapToInt(Column::domain).max().orElse(0));
    return m;
  }

  private static Map<String, Object> columnSummary(Column c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("method", c.method());
    m.put("domain", c.domain());
    if (c.method().equals(CATEGORICAL)) {
      m.put("values", c.values());
      m.put("unseen_code", c.domain() - 1);
      m.put("unseen_test_values", c.unseenTestValues());
      m.put("unseen_validation_values", c.unseenValidationValues());
    } else {
      m.put("edges", c.edges());
    }
    return m;
  }
}
