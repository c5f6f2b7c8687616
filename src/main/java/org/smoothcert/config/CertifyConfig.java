package org.smoothcert.config;

import com.typesafe.config.Config;

/**
 * {@code certify.*}: how votes become certificates.
 *
 * @param alpha failure probability of the whole run
 * @param classSplit whether alpha is also split over the classes
 * @param maxRadius radii are searched up to this
 */
public record CertifyConfig(double alpha, boolean classSplit, int maxRadius) {
  public static CertifyConfig from(Config c) {
    double alpha = Keys.inRange("certify.alpha", Keys.getDouble(c, "certify.alpha"), 0, 1, false);
    boolean split = Keys.getBoolean(c, "certify.class-split");
    int maxRadius = Keys.getInt(c, "certify.max-radius");
    Keys.atLeast("certify.max-radius", maxRadius, 0);
    Keys.atMost("certify.max-radius", maxRadius, 100_000);
    return new CertifyConfig(alpha, split, maxRadius);
  }
}
