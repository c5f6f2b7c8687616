package org.smoothcert.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The domain of each feature column: column j takes the values {@code 0 .. size(j) - 1}. Images have
 * one domain for every pixel (the K levels); a table's categorical columns keep their own. The noise
 * draws each column's changes from its own domain, the learner scales value v of column j to
 * {@code v / (size(j) - 1)}, and the certificate takes the largest domain (a coordinate of a larger
 * domain is the attacker's better spend; see {@code certify.L0Certificate}).
 */
public final class FeatureDomains implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final int MIN = 2;
  public static final int MAX = 256;

  private final int[] sizes;
  private final int smallest;
  private final int largest;

  private FeatureDomains(int[] sizes) {
    if (sizes.length == 0) {
      throw new IllegalArgumentException("no feature column");
    }
    for (int j = 0; j < sizes.length; j++) {
      if (sizes[j] < MIN || sizes[j] > MAX) {
        throw new IllegalArgumentException("domain of column " + j + " must be in [2, 256]: " + sizes[j]);
      }
    }
    this.sizes = sizes;
    this.smallest = Arrays.stream(sizes).min().getAsInt();
    this.largest = Arrays.stream(sizes).max().getAsInt();
  }

  /** {@code dim} columns of one domain. */
  public static FeatureDomains uniform(int dim, int size) {
    if (dim <= 0) {
      throw new IllegalArgumentException("dim=" + dim);
    }
    int[] sizes = new int[dim];
    Arrays.fill(sizes, size);
    return new FeatureDomains(sizes);
  }

  /** Column j's domain is {@code sizes[j]}. */
  public static FeatureDomains of(int[] sizes) {
    return new FeatureDomains(sizes.clone());
  }

  public int dim() {
    return sizes.length;
  }

  public int size(int column) {
    return sizes[column];
  }

  public int smallest() {
    return smallest;
  }

  /** The largest domain: the one the certificate uses. */
  public int largest() {
    return largest;
  }

  public boolean isUniform() {
    return smallest == largest;
  }

  /** The one domain of every column; only for data that has one (images). */
  public int uniform() {
    if (!isUniform()) {
      throw new IllegalStateException("the columns have domains from " + smallest + " to " + largest);
    }
    return largest;
  }

  /** Every column's domain, a copy. */
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureDomains f && Arrays.equals(sizes, f.sizes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sizes);
  }

  /** "2" for one domain, "2 to 18" for several. */
  @Override
  public String toString() {
    return isUniform() ? Integer.toString(largest) : smallest + " to " + largest;
  }
}
