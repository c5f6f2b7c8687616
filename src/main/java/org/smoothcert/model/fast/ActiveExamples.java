package org.smoothcert.model.fast;

import java.util.Arrays;

/**
 * {@link SparseInputs} turned around: for each feature, the rows where it is non-zero (ascending) and
 * its levels there. The first layer's gradient column of a feature is a sum over exactly these rows,
 * so it can be accumulated one column at a time, in the same row order as row by row.
 */
final class ActiveExamples {
  private int[] starts = new int[1];
  private int[] rows = new int[0];
  private double[] levels = new double[0];
  private int[] next = new int[1];

  /** Indexes all rows of {@code inputs} by feature, for features {@code [0, dim)}. */
  void load(SparseInputs inputs, int dim) {
    if (starts.length < dim + 1) {
      starts = new int[dim + 1];
    }
    Arrays.fill(starts, 0, dim + 1, 0);
    int entries = inputs.start(inputs.rows());
    if (rows.length < entries) {
      rows = new int[entries];
      levels = new double[entries];
    }
    int[] features = inputs.features();
    for (int p = 0; p < entries; p++) {
      starts[features[p] + 1]++;
    }
    for (int d = 0; d < dim; d++) {
      starts[d + 1] += starts[d];
    }
    if (next.length < dim + 1) {
      next = new int[dim + 1];
    }
    System.arraycopy(starts, 0, next, 0, dim + 1);
    double[] inputLevels = inputs.levels();
    for (int r = 0; r < inputs.rows(); r++) {
      for (int p = inputs.start(r), end = inputs.start(r + 1); p < end; p++) {
        int q = next[features[p]]++;
        rows[q] = r;
        levels[q] = inputLevels[p];
      }
    }
  }

  /** Where feature {@code d}'s entries begin; they end where feature {@code d + 1}'s begin. */
  int start(int d) {
    return starts[d];
  }

  int[] rows() {
    return rows;
  }

  double[] levels() {
    return levels;
  }
}
