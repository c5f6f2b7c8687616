package org.smoothcert.data.table;

import java.util.List;

/**
 * The rows of a table whose label is one of the classes, as read: every feature a finite number, a
 * categorical column's value as the index of its spelling in {@link #categories}, one row after
 * another. Rows of other classes were skipped and counted.
 *
 * @param origin where the rows were read from
 * @param columns the feature columns
 * @param values the rows' values and classes
 * @param counts what was read, of every class
 */
record Table(Origin origin, Columns columns, Values values, Counts counts) {
  /**
   * Where the rows were read from.
   *
   * @param source the path read
   * @param files the files read, in order
   * @param dimension LibSVM: the dimension the features were read under; 0 otherwise
   */
  record Origin(String source, List<String> files, int dimension) {}

  /**
   * The feature columns.
   *
   * @param features the feature columns' names, in order
   * @param categories for each feature column, its values' spellings in the order met (categorical
   *     columns), or null (a number column)
   */
  record Columns(List<String> features, List<List<String>> categories) {}

  /**
   * The rows of the classes.
   *
   * @param blocks the values, row-major, {@code rowsPerBlock} rows a block (the last one's end unused)
   * @param classes each row's class
   * @param sourceRows each row's index among all the rows read (every class), from 0
   */
  record Values(double[][] blocks, int rowsPerBlock, int[] classes, int[] sourceRows) {}

  /**
   * What was read, of every class.
   *
   * @param rowsRead rows read, of every class
   * @param availablePerClass rows of each class
   * @param otherClasses rows with a label that is not one of the classes
   * @param otherLabels the first few such labels, as spelled
   */
  record Counts(int rowsRead, int[] availablePerClass, int otherClasses, List<String> otherLabels) {}

  /** Blocks of about a million values (8 MB), at least a row. */
  static int rowsPerBlock(int dim) {
    return Math.max(1, (1 << 20) / Math.max(dim, 1));
  }

  String source() {
    return origin.source();
  }

  List<String> files() {
    return origin.files();
  }

  int dimension() {
    return origin.dimension();
  }

  List<String> features() {
    return columns.features();
  }

  List<List<String>> categories() {
    return columns.categories();
  }

  int[] classes() {
    return values.classes();
  }

  int[] sourceRows() {
    return values.sourceRows();
  }

  int rowsRead() {
    return counts.rowsRead();
  }

  int[] availablePerClass() {
    return counts.availablePerClass();
  }

  int otherClasses() {
    return counts.otherClasses();
  }

  List<String> otherLabels() {
    return counts.otherLabels();
  }

  int rows() {
    return values.classes().length;
  }

  int dim() {
    return columns.features().size();
  }

  double value(int row, int column) {
    int rowsPerBlock = values.rowsPerBlock();
    return values.blocks()[row / rowsPerBlock][(row % rowsPerBlock) * columns.features().size() + column];
  }

  boolean isCategorical(int column) {
    return columns.categories().get(column) != null;
  }
}
