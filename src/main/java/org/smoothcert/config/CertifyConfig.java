package org.smoothcert.config;

import com.typesafe.config.Config;
import org.smoothcert.UserError;

/**
 * {@code certify.*}: how votes become certificates.
 *
 * @param alpha failure probability of the whole run
 * @param classSplit whether alpha is also split over the classes
 * @param maxRadius radii are searched up to this
 * @param runnerUp "auto", "true" or "false": bound the runner-up class on its own ("auto": when there
 *     are more than two classes)
 * @param selectionClassifiers n0 of the two-sample protocol (0 = off): classifiers [0, n0) only select
 *     the classes, the other N - n0 bound them
 */
public record CertifyConfig(double alpha, boolean classSplit, int maxRadius, String runnerUp,
    int selectionClassifiers) {
  public static CertifyConfig from(Config c) {
    double alpha = Keys.inRange("certify.alpha", Keys.getDouble(c, "certify.alpha"), 0, 1, false);
    boolean split = Keys.getBoolean(c, "certify.class-split");
    int maxRadius = Keys.getInt(c, "certify.max-radius");
    Keys.atLeast("certify.max-radius", maxRadius, 0);
    Keys.atMost("certify.max-radius", maxRadius, 100_000);
    String runnerUp = Keys.getString(c, "certify.runner-up");
    if (!runnerUp.equals("auto") && !runnerUp.equals("true") && !runnerUp.equals("false")) {
      throw new UserError("certify.runner-up must be auto, true or false, got " + runnerUp);
    }
    int n0 = Keys.getInt(c, "certify.selection-classifiers");
    Keys.atLeast("certify.selection-classifiers", n0, 0);
    return new CertifyConfig(alpha, split, maxRadius, runnerUp, n0);
  }

  /** Whether the runner-up class gets its own upper bound, for c classes. */
  public boolean runnerUpFor(int classes) {
    return runnerUp.equals("auto") ? classes > 2 : Boolean.parseBoolean(runnerUp);
  }
}
