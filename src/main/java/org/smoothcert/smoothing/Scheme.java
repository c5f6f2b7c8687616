package org.smoothcert.smoothing;

/**
 * The ways of deriving classifier j's training set and test points ({@code smoothing.scheme}); each has
 * its own certificate and its own unit of radius.
 */
public enum Scheme {
  /** Flip noise on the training features and labels and the test features (Wang et al. 2020). */
  FLIP("flip", "coordinates"),
  /** Bags of k examples (Jia, Cao and Gong, AAAI 2021). */
  BAGGING("bagging", "poisoned training examples"),
  /** Disjoint parts by a hash of each example (Levine and Feizi, ICLR 2021). */
  PARTITION("partition", "poisoned training examples"),
  /** Bags, then flip noise (Zhang, Albarghouthi and D'Antoni, NeurIPS 2022). */
  BAGFLIP("bagflip", "poisoned training examples");

  private final String key;
  private final String unit;

  Scheme(String key, String unit) {
    this.key = key;
    this.unit = unit;
  }

  public String key() {
    return key;
  }

  /** What the radius counts. */
  public String radiusUnit() {
    return unit;
  }

  /** Whether classifier j draws a bag of the training examples. */
  public boolean bags() {
    return this == BAGGING || this == BAGFLIP;
  }

  /** Whether the flip noise (and so smoothing.beta) is part of the scheme. */
  public boolean flips() {
    return this == FLIP || this == BAGFLIP;
  }
}
