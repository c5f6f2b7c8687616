package org.smoothcert.model;

/**
 * How a discrete feature becomes the network's real input: value {@code v} of a domain of size
 * {@code d} is {@code v / (d - 1)}, so binarized data (d = 2) stays 0/1 and every domain spans [0, 1].
 */
public final class FeatureLevels {
  private FeatureLevels() {}

  public static double level(int value, int domain) {
    return value / (double) (domain - 1);
  }

  /**
   * Converts {@code rows} row-major rows of {@code dim} unsigned-byte features, from row
   * {@code firstRow}, into {@code out} from {@code outOffset}. A row-major byte row is one column of
   * MLlib's column-major {@code dim x rows} input matrix, so the layout is kept, only the values change.
   */
  public static void toColumns(
      byte[] features, int firstRow, int rows, int dim, int domain, double[] out, int outOffset) {
    double[] levels = new double[domain];
    for (int v = 0; v < domain; v++) {
      levels[v] = level(v, domain);
    }
    int from = firstRow * dim;
    int n = rows * dim;
    for (int i = 0; i < n; i++) {
      int v = features[from + i] & 0xFF;
      if (v >= domain) {
        throw new IllegalArgumentException(
            "feature value " + v + " at row " + (firstRow + i / dim) + " is outside [0, " + domain + ")");
      }
      out[outOffset + i] = levels[v];
    }
  }
}
