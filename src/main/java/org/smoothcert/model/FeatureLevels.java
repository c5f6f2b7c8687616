package org.smoothcert.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.smoothcert.data.FeatureDomains;

/**
 * How a discrete feature becomes the network's real input: value {@code v} of a domain of size
 * {@code d} is {@code v / (d - 1)}, so binarized data (d = 2) stays 0/1 and every domain spans [0, 1].
 * Each column is scaled by its own domain; an instance holds the inputs of every value of every column.
 */
public final class FeatureLevels {
  private final double[] inputs;
  private final int[] offsets;
  private final int[] sizes;

  private FeatureLevels(double[] inputs, int[] offsets, int[] sizes) {
    this.inputs = inputs;
    this.offsets = offsets;
    this.sizes = sizes;
  }

  public static double level(int value, int domain) {
    return value / (double) (domain - 1);
  }

  /**
   * The inputs of the columns of {@code domains}; columns of one domain share one block of 256 entries
   * (the values a byte can hold: those outside the domain are NaN, so no byte indexes past the table).
   */
  public static FeatureLevels of(FeatureDomains domains) {
    int[] sizes = domains.sizes();
    int[] offsets = new int[sizes.length];
    Map<Integer, Integer> offsetOfDomain = new HashMap<>();
    int total = 0;
    for (int j = 0; j < sizes.length; j++) {
      Integer offset = offsetOfDomain.get(sizes[j]);
      if (offset == null) {
        offset = total;
        offsetOfDomain.put(sizes[j], offset);
        total += FeatureDomains.MAX;
      }
      offsets[j] = offset;
    }
    double[] inputs = new double[total];
    Arrays.fill(inputs, Double.NaN);
    offsetOfDomain.forEach((d, offset) -> {
      for (int v = 0; v < d; v++) {
        inputs[offset + v] = level(v, d);
      }
    });
    return new FeatureLevels(inputs, offsets, sizes);
  }

  /** The inputs of every value: column j's value v is at {@code offsets()[j] + v}. Shared: do not modify. */
  public double[] inputs() {
    return inputs;
  }

  /** Where each column's values begin in {@link #inputs()}. Shared: do not modify. */
  public int[] offsets() {
    return offsets;
  }

  /** Every column's domain. Shared: do not modify. */
  public int[] sizes() {
    return sizes;
  }

  /**
   * Converts {@code rows} row-major rows of unsigned-byte features, from row {@code firstRow}, into
   * {@code out} from {@code outOffset}. A row-major byte row is one column of MLlib's column-major
   * {@code dim x rows} input matrix, so the layout is kept, only the values change.
   */
  public void toColumns(byte[] features, int firstRow, int rows, double[] out, int outOffset) {
    int dim = sizes.length;
    for (int r = 0; r < rows; r++) {
      int from = (firstRow + r) * dim;
      int to = outOffset + r * dim;
      for (int j = 0; j < dim; j++) {
        int v = features[from + j] & 0xFF;
        if (v >= sizes[j]) {
          throw new IllegalArgumentException("feature value " + v + " at row " + (firstRow + r) + ", column "
              + j + " is outside [0, " + sizes[j] + ")");
        }
        out[to + j] = inputs[offsets[j] + v];
      }
    }
  }
}
