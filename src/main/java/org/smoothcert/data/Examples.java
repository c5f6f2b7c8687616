package org.smoothcert.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A labelled set of discrete examples: {@code count} rows of {@code dim} features, row-major, feature
 * j a value of its domain {@code [0, domains.size(j))} stored as an unsigned byte, and each label a
 * class in {@code [0, classes)}. This is the one data type the noise, the learners and the Spark job share; it is
 * small enough to broadcast (100 x 784 bytes for the paper's training set).
 */
public final class Examples implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int count;
  private final int dim;
  private final FeatureDomains domains;
  private final int classes;
  private final byte[] features;
  private final byte[] labels;

  /** Examples whose {@code dim} features share one domain (images: the K levels of every pixel). */
  public Examples(int count, int dim, int featureDomain, int classes, byte[] features, byte[] labels) {
    this(count, FeatureDomains.uniform(dim, featureDomain), classes, features, labels);
  }

  public Examples(int count, FeatureDomains domains, int classes, byte[] features, byte[] labels) {
    int dim = domains.dim();
    if (count < 0) {
      throw new IllegalArgumentException("count=" + count);
    }
    if (classes < 2 || classes > 256) {
      throw new IllegalArgumentException("classes=" + classes);
    }
    if (features.length != count * dim || labels.length != count) {
      throw new IllegalArgumentException(
          "features.length=" + features.length + ", labels.length=" + labels.length
              + " for " + count + " x " + dim);
    }
    this.count = count;
    this.dim = dim;
    this.domains = domains;
    this.classes = classes;
    this.features = features;
    this.labels = labels;
  }

  public int count() {
    return count;
  }

  public int dim() {
    return dim;
  }

  public FeatureDomains domains() {
    return domains;
  }

  public int classes() {
    return classes;
  }

  /** Row-major features, {@code count * dim} unsigned bytes. Shared, not copied: do not modify. */
  public byte[] features() {
    return features;
  }

  /** One class per example, unsigned bytes. Shared, not copied: do not modify. */
  public byte[] labels() {
    return labels;
  }

  public int feature(int example, int j) {
    return features[example * dim + j] & 0xFF;
  }

  public int label(int example) {
    return labels[example] & 0xFF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Examples e && count == e.count && dim == e.dim
        && domains.equals(e.domains) && classes == e.classes
        && Arrays.equals(features, e.features) && Arrays.equals(labels, e.labels);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(features) + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return count + " examples x " + dim + " features (domain " + domains + "), " + classes + " classes";
  }
}
