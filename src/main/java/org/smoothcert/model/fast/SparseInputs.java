package org.smoothcert.model.fast;

import java.util.Arrays;
import org.smoothcert.data.FeatureDomains;
import org.smoothcert.model.FeatureLevels;

/**
 * Rows of discrete features as lists of their non-zero inputs: for row {@code r}, positions
 * {@code [start(r), start(r + 1))} of {@link #features()} and {@link #levels()} hold the feature
 * indices (ascending) and their network inputs ({@link FeatureLevels}). Binarized images with
 * the smoothing noise have about a fifth of their pixels on, so a product with the first layer's
 * weights is a sum over that fifth of the weight columns.
 *
 * <p>The arrays grow as needed and are reused by the next {@link #load}: one instance serves all the
 * noised copies a trainer sees.
 */
final class SparseInputs {
  private int rows;
  private int[] starts = new int[1];
  private int[] features = new int[0];
  private double[] levels = new double[0];
  private FeatureDomains domains;
  private FeatureLevels columnLevels;

  /**
   * Rows {@code [firstRow, firstRow + count)} of row-major rows of {@code domains.dim()} features. The
   * scan is branch-free (every feature is written, the end advances only past non-zero ones): which
   * pixels are on is unpredictable, and a branch per pixel costs more than the writes.
   */
  void load(byte[] values, int firstRow, int count, FeatureDomains domains) {
    if (domains != this.domains) {
      this.columnLevels = FeatureLevels.of(domains);
      this.domains = domains;
    }
    double[] inputs = columnLevels.inputs();
    int[] offsets = columnLevels.offsets();
    int[] sizes = columnLevels.sizes();
    int dim = domains.dim();
    if (starts.length < count + 1) {
      starts = new int[count + 1];
    }
    int n = 0;
    for (int r = 0; r < count; r++) {
      starts[r] = n;
      if (features.length < n + dim) {
        grow(n + dim);
      }
      int from = (firstRow + r) * dim;
      // Negative once any value is at or above its column's domain.
      int room = 0;
      for (int j = 0; j < dim; j++) {
        int v = values[from + j] & 0xFF;
        features[n] = j;
        levels[n] = inputs[offsets[j] + v];
        room |= sizes[j] - 1 - v;
        n += v == 0 ? 0 : 1;
      }
      if (room < 0) {
        throw new IllegalArgumentException("a feature value at row " + (firstRow + r)
            + " is outside its column's domain " + domains);
      }
    }
    starts[count] = n;
    rows = count;
  }

  int rows() {
    return rows;
  }

  /** Where row {@code r}'s entries begin; row {@code r} ends where row {@code r + 1} begins. */
  int start(int r) {
    return starts[r];
  }

  int[] features() {
    return features;
  }

  double[] levels() {
    return levels;
  }

  private void grow(int needed) {
    int size = Math.max(needed, 2 * features.length);
    features = Arrays.copyOf(features, size);
    levels = Arrays.copyOf(levels, size);
  }
}
