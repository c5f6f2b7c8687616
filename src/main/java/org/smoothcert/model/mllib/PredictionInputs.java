package org.smoothcert.model.mllib;

import breeze.linalg.DenseMatrix;
import org.smoothcert.model.FeatureLevels;

/**
 * The input matrix for batched prediction, grown as needed and reused by every classifier one trainer
 * makes, so that predicting a test set with thousands of models converts into one buffer.
 */
final class PredictionInputs {
  private double[] data = new double[0];

  /** Rows {@code [firstRow, firstRow + rows)} of {@code features} as a {@code dim x rows} matrix. */
  DenseMatrix<Object> columns(byte[] features, int firstRow, int rows, int dim, FeatureLevels levels) {
    if (data.length < rows * dim) {
      data = new double[rows * dim];
    }
    levels.toColumns(features, firstRow, rows, data, 0);
    return BreezeAdapter.matrix(dim, rows, data, 0);
  }
}
