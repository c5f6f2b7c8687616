package org.smoothcert.data.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.smoothcert.UserError;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.table.Discretization;
import org.smoothcert.data.Examples;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.data.PartialShuffle;
import org.smoothcert.data.DataSample.Sides;
import org.smoothcert.data.TableProvenance;
import org.smoothcert.data.table.TableSpec;
import org.smoothcert.data.idx.MnistData;

/**
 * Loads a run's data from a table (LibSVM, CSV or Parquet, read by a {@link TableReader}): keeps the
 * rows of the chosen classes, draws the training and the test rows as {@link MnistData} draws images
 * (from two paths, or disjointly from one), then any validation rows from what is left of the training
 * path's, fits each column's coding on the training draw only (never on the test or validation rows),
 * and makes the discrete examples, each column in its own domain.
 */
public final class TableData {
  private TableData() {}

  public static DataSample load(DataSpec data, TableSpec spec, TableReader reader) {
    spec.requireLevels(data.levels(), "data.levels");
    if (data.trainSize() == DataSpec.ALL || data.testSize() == DataSpec.ALL) {
      throw new UserError((data.trainSize() == DataSpec.ALL ? DataSpec.KEY_TRAIN_SIZE : DataSpec.KEY_TEST_SIZE)
          + " = all is for IDX folders; give a table's sizes as numbers");
    }
    ClassList classes = new ClassList(spec.classes(), TableSpec.KEY_CLASSES);
    Table train = Read.train(spec, classes).from(reader, spec.dimension());
    boolean oneSplit = spec.testPath().isEmpty();
    Table test = oneSplit ? train
        : Read.like(train, spec, classes, spec.testPath()).from(reader, train.dimension());
    int[][] draws = oneSplit ? drawBoth(train, data, classes) : new int[][] {
        draw(train, data.trainSize(), DataSpec.KEY_TRAIN_SIZE, data.seed(), PartialShuffle.TRAIN_SIDE, classes),
        draw(test, data.testSize(), DataSpec.KEY_TEST_SIZE, data.seed(), PartialShuffle.TEST_SIDE, classes)};
    int[] validationRows = drawValidation(train, oneSplit ? List.of(draws[0], draws[1]) : List.of(draws[0]), data);
    // The codings: fitted on a reference table the user trusts, whose edges no change to the training rows
    // moves; else on the training draw (never on the test or validation rows).
    Table reference = spec.fixedByReference()
        ? Read.like(train, spec, classes, spec.binsPath()).from(reader, train.dimension())
        : null;
    List<ColumnCoding> codings = reference != null ? fit(reference, positions(reference), spec, data.levels())
        : fit(train, draws[0], spec, data.levels());
    int[] unseenTest = new int[codings.size()];
    int[] unseenValidation = new int[codings.size()];
    Examples trainExamples = encode(train, draws[0], codings, classes.size(), new int[codings.size()]);
    Examples testExamples = encode(test, draws[1], codings, classes.size(), unseenTest);
    Examples validationExamples = encode(train, validationRows, codings, classes.size(), unseenValidation);
    List<TableProvenance.Column> columns = IntStream.range(0, codings.size()).mapToObj(j -> column(codings.get(j),
        unseenTest[j], unseenValidation[j])).toList();
    String binsFittedOn = spec.fixedByReference() ? spec.binsPath()
        : spec.discretize() == Discretization.THRESHOLD && spec.categoricalColumns().isEmpty()
            ? TableSpec.KEY_THRESHOLD + " (fixed)" : TableProvenance.TRAINING_DRAW;
    TableProvenance provenance = new TableProvenance(
        new TableProvenance.Source(spec.format().key(), spec.trainPath(), spec.testPath(), spec.labelColumn()),
        new TableProvenance.Drawing(classes.names(), data.seed()),
        new TableProvenance.Coding(data.levels(), spec.discretize().key(), binsFittedOn, columns),
        new Sides<>(side(train, spec.trainPath(), draws[0], classes), side(test, oneSplit ? spec.trainPath()
            : spec.testPath(), draws[1], classes), side(train, spec.trainPath(), validationRows, classes)));
    return new DataSample(new Sides<>(trainExamples, testExamples, validationExamples), data.certified(), provenance);
  }

  /** One path's reading: its columns, and the file they are the columns of when no list was given. */
  private record Read(TableSpec spec, ClassList classes, String path, Columns columns) {
    /**
     * The feature columns a path is read with.
     *
     * @param allColumns whether no feature columns were named (every column but the label's is one)
     * @param featuresOf the file the features are the columns of (null for the training path's)
     */
    private record Columns(List<String> features, boolean allColumns, String featuresOf) {}

    /** The training path's reading: the feature columns the config names, or every column. */
    static Read train(TableSpec spec, ClassList classes) {
      return new Read(spec, classes, spec.trainPath(),
          new Columns(spec.featureColumns(), spec.featureColumns().isEmpty(), null));
    }

    /** Another path's reading (test or reference), with the training table's feature columns. */
    static Read like(Table train, TableSpec spec, ClassList classes, String path) {
      return new Read(spec, classes, path,
          new Columns(train.features(), spec.featureColumns().isEmpty(), train.files().get(0)));
    }

    Table from(TableReader reader, int dimension) {
      TableBuilder builder = new TableBuilder(path, spec.labelColumn(), columns.features(), columns.allColumns(),
          columns.featuresOf(), spec.categoricalColumns(), classes);
      int read = reader.read(spec.format(), path, dimension, builder);
      return builder.build(read);
    }
  }

  private static int[] draw(Table table, int size, String key, long seed, int side, ClassList classes) {
    if (size > table.rows()) {
      throw new UserError(key + " = " + size + ", but " + table.source() + " has only " + available(table, classes));
    }
    return PartialShuffle.draw(positions(table), size, PartialShuffle.stream(seed, side));
  }

  /** One draw of train + test rows, split in two: disjoint, and the train part fixed by the seed. */
  private static int[][] drawBoth(Table table, DataSpec data, ClassList classes) {
    int wanted = data.trainSize() + data.testSize();
    if (wanted > table.rows()) {
      throw new UserError(DataSpec.KEY_TRAIN_SIZE + " + " + DataSpec.KEY_TEST_SIZE + " = " + data.trainSize() + " + "
          + data.testSize() + ", but " + table.source() + " (drawn from for both, " + TableSpec.KEY_TEST_PATH
          + " being empty) has only " + available(table, classes));
    }
    int[] drawn = PartialShuffle.draw(positions(table), wanted, PartialShuffle.stream(data.seed(), PartialShuffle.TRAIN_SIDE));
    return new int[][] {Arrays.copyOfRange(drawn, 0, data.trainSize()), Arrays.copyOfRange(drawn, data.trainSize(),
        wanted)};
  }

  /**
   * The validation rows: drawn as {@link MnistData} draws validation images, with a stream of their own
   * from the training path's rows that no other draw took, so the training and test draws are the same
   * with or without them.
   */
  private static int[] drawValidation(Table train, List<int[]> taken, DataSpec data) {
    int[] rest = PartialShuffle.untaken(positions(train), taken);
    if (data.validationSize() > rest.length) {
      throw new UserError(DataSpec.KEY_VALIDATION_SIZE + " = " + data.validationSize() + ", but " + train.source()
          + " has " + train.rows() + " rows of the classes and the " + (taken.size() == 1 ? "training" : "training and test")
          + " rows take " + (train.rows() - rest.length) + ", leaving " + rest.length);
    }
    return PartialShuffle.draw(rest, data.validationSize(), PartialShuffle.stream(data.seed(), PartialShuffle.VALIDATION_SIDE));
  }

  private static int[] positions(Table table) {
    return IntStream.range(0, table.rows()).toArray();
  }

  private static String available(Table table, ClassList classes) {
    return table.rows() + " rows of the classes " + classes + " (" + IntStream.range(0, classes.size())
        .mapToObj(c -> classes.names().get(c) + ": " + table.availablePerClass()[c])
        .collect(Collectors.joining(", ")) + ")";
  }

  /** Each column's coding, fitted on the training draw's rows only. */
  private static List<ColumnCoding> fit(Table train, int[] rows, TableSpec spec, int levels) {
    List<ColumnCoding> codings = new ArrayList<>();
    for (int j = 0; j < train.dim(); j++) {
      String name = train.features().get(j);
      if (train.isCategorical(j)) {
        List<String> spellings = new ArrayList<>();
        for (int row : rows) {
          spellings.add(train.categories().get(j).get((int) train.value(row, j)));
        }
        codings.add(ColumnCoding.categories(name, spellings, TableSpec.KEY_CATEGORICAL_COLUMNS));
      } else {
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
          values[i] = train.value(rows[i], j);
        }
        codings.add(ColumnCoding.bins(name, spec.discretize(), levels, spec.threshold(), values));
      }
    }
    return codings;
  }

  /**
   * The drawn rows as discrete examples; {@code unseen[j]} counts the rows whose categorical value the
   * coding has not seen.
   */
  private static Examples encode(Table table, int[] rows, List<ColumnCoding> codings, int classes, int[] unseen) {
    int dim = codings.size();
    byte[] features = new byte[rows.length * dim];
    byte[] labels = new byte[rows.length];
    int[] domains = new int[dim];
    for (int j = 0; j < dim; j++) {
      ColumnCoding coding = codings.get(j);
      domains[j] = coding.domain();
      Map<String, Integer> codes = coding.isCategorical() ? coding.codes() : Map.of();
      for (int i = 0; i < rows.length; i++) {
        double value = table.value(rows[i], j);
        int code;
        if (coding.isCategorical()) {
          Integer known = codes.get(table.categories().get(j).get((int) value));
          unseen[j] += known == null ? 1 : 0;
          code = known == null ? coding.unseen() : known;
        } else {
          code = coding.bin(value);
        }
        features[i * dim + j] = (byte) code;
      }
    }
    for (int i = 0; i < rows.length; i++) {
      labels[i] = (byte) table.classes()[rows[i]];
    }
    return new Examples(rows.length, FeatureDomains.of(domains), classes, features, labels);
  }

  private static TableProvenance.Column column(ColumnCoding coding, int unseenTest, int unseenValidation) {
    return new TableProvenance.Column(coding.name(), coding.method(), coding.domain(),
        new TableProvenance.Column.Mapping(Arrays.stream(coding.edges()).boxed().toList(), coding.values(), unseenTest,
            unseenValidation));
  }

  private static TableProvenance.Side side(Table table, String path, int[] rows, ClassList classes) {
    int[] drawnPerClass = new int[classes.size()];
    List<Integer> sources = new ArrayList<>();
    for (int row : rows) {
      drawnPerClass[table.classes()[row]]++;
      sources.add(table.sourceRows()[row]);
    }
    return new TableProvenance.Side(new TableProvenance.Side.Read(path, table.files(), table.rowsRead()),
        new TableProvenance.Side.Counts(boxed(table.availablePerClass()), boxed(drawnPerClass), table.otherClasses(),
            table.otherLabels()), sources);
  }

  private static List<Integer> boxed(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
