package org.smoothcert.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import org.smoothcert.UserError;
import org.smoothcert.certify.L0Certificate;

/**
 * {@code smoothing.*}: the noise and how many classifiers vote.
 *
 * @param beta keep probability of every coordinate
 * @param classifiers N
 */
public record SmoothingConfig(double beta, int classifiers) implements Serializable {
  /** Reads and checks the keys; beta must also exceed 1/d for the smaller of the two domains. */
  public static SmoothingConfig from(Config c, int featureDomain, int classes) {
    double beta = ConfigKeys.BETA.read(c);
    L0Certificate.requireBetaAboveChance(ConfigKeys.BETA.name(), beta, featureDomain, classes, UserError::new);
    return new SmoothingConfig(beta, Math.toIntExact(ConfigKeys.CLASSIFIERS.read(c)));
  }
}
