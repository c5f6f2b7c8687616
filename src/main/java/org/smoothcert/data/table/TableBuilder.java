package org.smoothcert.data.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smoothcert.UserError;
import org.smoothcert.data.Cells;
import org.smoothcert.data.table.TableSpec;

/**
 * Builds a {@link Table} from a reader's cells, checking each as it comes: a missing or misspelled
 * column, a column of the wrong type, an empty, non-numeric, NaN or infinite cell, a label that cannot
 * be a class: each is one error naming the file, and the row (counted from 1, a CSV header not counted)
 * or the column where it applies.
 */
final class TableBuilder implements TableSink {
  private static final int SKIP = -1;
  private static final int LABEL = -2;
  private static final int OTHER_LABELS_KEPT = 10;
  private static final String[] SMALL_LABELS = java.util.stream.IntStream.range(0, 256)
      .mapToObj(n -> Cells.spelling((double) n)).toArray(String[]::new);

  private final String source;
  private final String labelColumn;
  private final boolean allColumns;
  private final Set<String> categorical;
  private final ClassList classes;

  private List<String> features;
  private String firstFile;
  private final List<String> files = new ArrayList<>();
  private List<Map<String, Integer>> categoryIds;
  private List<List<String>> categories;

  private String file;
  private List<SourceColumn> columns;
  private int[] role;
  private int rowsInFile;

  private double[] row;
  private String label;
  private boolean[] isCategorical;
  /** Labels as read and their spellings: a table has few labels, each spelled once. */
  private final Map<Double, String> numberLabels = new HashMap<>();
  private final Map<String, String> textLabels = new HashMap<>();

  /** The kept rows' values, {@link Table#rowsPerBlock} rows a block, so that no array is copied to grow. */
  private final List<double[]> blocks = new ArrayList<>();
  private int rowsPerBlock;
  private int[] classOfRow = new int[64];
  private int[] sourceRows = new int[64];
  private int kept;
  private int rowsRead;
  private int[] availablePerClass;
  private int otherClasses;
  private final List<String> otherLabels = new ArrayList<>();

  /**
   * @param features the feature columns to read; empty: every column of the first file but the label
   * @param allColumns whether every column but the label must be a feature (no feature list was given)
   * @param featuresOf with {@code allColumns}, the file the given features are the columns of (null: the
   *     first file read here)
   */
  TableBuilder(String source, String labelColumn, List<String> features, boolean allColumns, String featuresOf,
      List<String> categorical, ClassList classes) {
    this.source = source;
    this.labelColumn = labelColumn;
    this.allColumns = allColumns;
    this.firstFile = featuresOf;
    this.features = features.isEmpty() ? null : List.copyOf(features);
    this.categorical = Set.copyOf(categorical);
    this.classes = classes;
    this.availablePerClass = new int[classes.size()];
  }

  @Override
  public void beginFile(String file, List<SourceColumn> columns) {
    this.file = file;
    this.columns = List.copyOf(columns);
    this.rowsInFile = 0;
    files.add(file);
    List<String> names = columns.stream().map(SourceColumn::name).toList();
    requireDistinct(names);
    int labelAt = find(names, labelColumn, TableSpec.KEY_LABEL_COLUMN);
    if (features == null) {
      firstFile = file;
      features = names.stream().filter(n -> !n.equals(labelColumn)).toList();
      if (features.isEmpty()) {
        throw new UserError(file + ": no column besides the label '" + labelColumn + "'");
      }
    }
    if (categories == null) {
      startCategories();
    }
    role = new int[names.size()];
    Arrays.fill(role, SKIP);
    role[labelAt] = LABEL;
    requireType(labelAt, "a label", true);
    for (int j = 0; j < features.size(); j++) {
      String key = allColumns ? "a feature of " + firstFile : TableSpec.KEY_FEATURE_COLUMNS;
      int at = find(names, features.get(j), key);
      role[at] = j;
      requireType(at, "a feature", categories.get(j) != null);
    }
    if (allColumns) {
      for (int i = 0; i < role.length; i++) {
        if (role[i] == SKIP) {
          throw new UserError(file + ": column '" + names.get(i) + "' is not in " + firstFile + "; list the"
              + " features in " + TableSpec.KEY_FEATURE_COLUMNS + " to read only those");
        }
      }
    }
    row = new double[features.size()];
    label = null;
    isCategorical = new boolean[features.size()];
    for (int j = 0; j < isCategorical.length; j++) {
      isCategorical[j] = categories.get(j) != null;
    }
  }

  private void startCategories() {
    for (String name : categorical) {
      if (!features.contains(name)) {
        throw new UserError(TableSpec.KEY_CATEGORICAL_COLUMNS + ": '" + name + "' is not a feature column of "
            + file + near(name, features));
      }
    }
    categoryIds = new ArrayList<>();
    categories = new ArrayList<>();
    for (String name : features) {
      boolean isCategorical = categorical.contains(name);
      categoryIds.add(isCategorical ? new HashMap<>() : null);
      categories.add(isCategorical ? new ArrayList<>() : null);
    }
  }

  /** A column is found by its name: two of one name would make one of them unreadable, silently. */
  private void requireDistinct(List<String> names) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Integer earlier = first.putIfAbsent(names.get(i), i);
      if (earlier != null) {
        throw new UserError(file + ": columns " + (earlier + 1) + " and " + (i + 1) + " are both named '" + names.get(i)
            + "' (a header's repeated names are numbered by their position, which can meet a name it has);"
            + " rename one");
      }
    }
  }

  private int find(List<String> names, String name, String key) {
    int at = names.indexOf(name);
    if (at < 0) {
      throw new UserError(file + ": no column '" + name + "' (" + key + ")" + near(name, names) + "; its columns: "
          + listed(names));
    }
    return at;
  }

  private void requireType(int at, String what, boolean mayBeString) {
    SourceColumn column = columns.get(at);
    boolean fits = switch (column.type()) {
      case NUMBER, TEXT -> true;
      case STRING -> mayBeString;
      case OTHER -> false;
    };
    if (!fits) {
      throw new UserError(file + ": column '" + column.name() + "' has type " + column.typeName() + "; " + what
          + " must be a number" + (mayBeString ? " or a string" : column.type() == SourceColumn.Type.STRING
          ? " (or list the column in " + TableSpec.KEY_CATEGORICAL_COLUMNS + ")" : ""));
    }
  }

  @Override
  public boolean wants(int column) {
    return role[column] != SKIP;
  }

  @Override
  public void number(int column, double value) {
    int j = role[column];
    if (j == LABEL) {
      if (!Double.isFinite(value)) {
        throw rowError("label " + value + " in column '" + labelColumn + "' is not a finite number");
      }
      int small = (int) value;
      if (small == value && small >= 0 && small < SMALL_LABELS.length) {
        label = SMALL_LABELS[small];
      } else {
        label = spelled(numberLabels, value, Cells::spelling);
      }
    } else if (j >= 0) {
      if (isCategorical[j]) {
        row[j] = category(j, Cells.spelling(value));
      } else {
        row[j] = Double.isFinite(value) ? value : finite(j, value, Double.toString(value));
      }
    }
  }

  @Override
  public void text(int column, String value) {
    int j = role[column];
    if (j == LABEL) {
      label = spelled(textLabels, value, Cells::spelling);
    } else if (j >= 0) {
      if (isCategorical[j]) {
        row[j] = category(j, Cells.spelling(value));
      } else {
        double n = Cells.decimal(value, 0, value.length());
        if (Double.isNaN(n)) {
          Double spelled = Cells.number(value);
          if (spelled == null) {
            throw rowError("column '" + features.get(j) + "': '" + value + "' is not a number");
          }
          n = spelled;
        }
        row[j] = Double.isFinite(n) ? n : finite(j, n, value);
      }
    }
  }

  /** A label's spelling, remembered for the first few thousand labels met. */
  private static <T> String spelled(Map<T, String> known, T value, java.util.function.Function<T, String> spelling) {
    String spelled = known.get(value);
    if (spelled == null) {
      spelled = spelling.apply(value);
      if (known.size() < 4096) {
        known.put(value, spelled);
      }
    }
    return spelled;
  }

  private double finite(int j, double value, String spelled) {
    if (!Double.isFinite(value)) {
      throw rowError("column '" + features.get(j) + "': " + spelled.strip() + " is not a finite number (NaN or"
          + " infinite)");
    }
    return value;
  }

  private int category(int j, String spelling) {
    Map<String, Integer> ids = categoryIds.get(j);
    Integer id = ids.get(spelling);
    if (id == null) {
      id = ids.size();
      ids.put(spelling, id);
      categories.get(j).add(spelling);
    }
    return id;
  }

  @Override
  public void missing(int column) {
    int j = role[column];
    if (j != SKIP) {
      throw rowError("column '" + (j == LABEL ? labelColumn : features.get(j)) + "' is empty");
    }
  }

  @Override
  public void endRow() {
    if (label == null) {
      throw rowError("no label in column '" + labelColumn + "'");
    }
    Integer c = classes.classOf(label);
    if (c == null) {
      throw rowError("label '" + label + "' is not a whole number, as the classes " + classes + " are ("
          + TableSpec.KEY_CLASSES + ")");
    }
    if (c == ClassList.OTHER) {
      otherClasses++;
      if (otherLabels.size() < OTHER_LABELS_KEPT && !otherLabels.contains(label)) {
        otherLabels.add(label);
      }
    } else {
      keep(c);
    }
    rowsRead++;
    rowsInFile++;
    Arrays.fill(row, 0);
    label = null;
  }

  private void keep(int c) {
    int dim = row.length;
    if (rowsPerBlock == 0) {
      rowsPerBlock = Table.rowsPerBlock(dim);
    }
    int slot = kept % rowsPerBlock;
    if (slot == 0) {
      blocks.add(new double[rowsPerBlock * dim]);
    }
    System.arraycopy(row, 0, blocks.get(blocks.size() - 1), slot * dim, dim);
    if (classOfRow.length == kept) {
      classOfRow = Arrays.copyOf(classOfRow, 2 * kept);
      sourceRows = Arrays.copyOf(sourceRows, 2 * kept);
    }
    classOfRow[kept] = c;
    sourceRows[kept] = rowsRead;
    availablePerClass[c]++;
    kept++;
  }

  @Override
  public RuntimeException rowError(String fault) {
    return new UserError(file + ": row " + (rowsInFile + 1) + ": " + fault);
  }

  /** The table; an error when it holds no row, or no row of a class. */
  Table build(int dimension) {
    if (rowsRead == 0) {
      throw new UserError(source + ": holds no row" + (files.size() == 1 ? "" : " in its " + files.size() + " files"));
    }
    for (int c = 0; c < availablePerClass.length; c++) {
      if (availablePerClass[c] == 0) {
        throw new UserError(source + ": no row of class " + classes.names().get(c) + " (" + TableSpec.KEY_CLASSES + " = "
            + classes + ") in its " + rowsRead + " rows" + (otherLabels.isEmpty() ? "" : "; other labels: "
            + String.join(", ", otherLabels)));
      }
    }
    return new Table(new Table.Origin(source, files, dimension), new Table.Columns(features,
        categories.stream().map(c -> c == null ? null : List.copyOf(c)).toList()),
        new Table.Values(blocks.toArray(double[][]::new), Math.max(rowsPerBlock, 1), Arrays.copyOf(classOfRow, kept),
            Arrays.copyOf(sourceRows, kept)), new Table.Counts(rowsRead, availablePerClass, otherClasses, otherLabels));
  }

  /**
   * "; did you mean 'Label'?" when a column differs only in case, or in a few letters (one in three at
   * most: an edit, or two letters swapped).
   */
  static String near(String name, List<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : names) {
      int d = candidate.equalsIgnoreCase(name) ? 0 : editDistance(candidate, name);
      if (d < bestDistance && d * 3 <= name.length()) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** Edits (insert, delete, replace, swap two neighbours) from a to b. */
  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** The first columns' names, and how many more there are. */
  private static String listed(List<String> names) {
    int shown = Math.min(names.size(), 8);
    return String.join(", ", names.subList(0, shown)) + (names.size() > shown ? " and " + (names.size() - shown)
        + " more" : "");
  }
}
