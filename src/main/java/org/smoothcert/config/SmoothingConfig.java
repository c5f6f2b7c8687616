package org.smoothcert.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import org.smoothcert.UserError;

/**
 * {@code smoothing.*}: the noise and how many classifiers vote.
 *
 * @param beta keep probability of every coordinate
 * @param classifiers N
 */
public record SmoothingConfig(double beta, int classifiers) implements Serializable {
  /** Reads and checks the keys; beta must exceed 1/d for the smaller of the two domains. */
  public static SmoothingConfig from(Config c, int featureDomain, int classes) {
    double beta = Keys.inRange("smoothing.beta", Keys.getDouble(c, "smoothing.beta"), 0, 1, false);
    int smaller = Math.min(featureDomain, classes);
    if (beta <= 1.0 / smaller) {
      throw new UserError("smoothing.beta must be above 1/" + smaller + " for a domain of " + smaller
          + " values (data.levels=" + featureDomain + ", " + classes + " classes), got " + beta);
    }
    long n = Keys.getLong(c, "smoothing.classifiers");
    Keys.atLeast("smoothing.classifiers", n, 1);
    Keys.atMost("smoothing.classifiers", n, Integer.MAX_VALUE);
    return new SmoothingConfig(beta, (int) n);
  }
}
