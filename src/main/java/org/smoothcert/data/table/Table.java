package org.smoothcert.data.table;

import java.util.List;

/**
 * The rows of a table whose label is one of the classes, as read: every feature a finite number, a
 * categorical column's value as the index of its spelling in {@link #categories}, one row after
 * another. Rows of other classes were skipped and counted.
 *
 * @param source the path read
 * @param files the files read, in order
 * @param features the feature columns' names, in order
 * @param categories for each feature column, its values' spellings in the order met (categorical
 *     columns), or null (a number column)
 * @param blocks the values, row-major, {@code rowsPerBlock} rows a block (the last one's end unused)
 * @param classes each row's class
 * @param sourceRows each row's index among all the rows read (every class), from 0
 * @param rowsRead rows read, of every class
 * @param availablePerClass rows of each class
 * @param otherClasses rows with a label that is not one of the classes
 * @param otherLabels the first few such labels, as spelled
 * @param dimension LibSVM: the dimension the features were read under; 0 otherwise
 */
record Table(String source, List<String> files, List<String> features, List<List<String>> categories,
    double[][] blocks, int rowsPerBlock, int[] classes, int[] sourceRows, int rowsRead, int[] availablePerClass, int otherClasses,
    List<String> otherLabels, int dimension) {
  /** Blocks of about a million values (8 MB), at least a row. */
  static int rowsPerBlock(int dim) {
    return Math.max(1, (1 << 20) / Math.max(dim, 1));
  }

  int rows() {
    return classes.length;
  }

  int dim() {
    return features.size();
  }

  double value(int row, int column) {
    return blocks[row / rowsPerBlock][(row % rowsPerBlock) * features.size() + column];
  }

  boolean isCategorical(int column) {
    return categories.get(column) != null;
  }
}
