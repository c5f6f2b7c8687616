package org.smoothcert.config;

import com.typesafe.config.Config;

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
    return new CertifyConfig(ConfigKeys.ALPHA.read(c), ConfigKeys.CLASS_SPLIT.read(c), ConfigKeys.MAX_RADIUS.read(c),
        ConfigKeys.RUNNER_UP.read(c), ConfigKeys.SELECTION_CLASSIFIERS.read(c));
  }

  /** Whether the runner-up class gets its own upper bound, for c classes. */
  public boolean runnerUpFor(int classes) {
    return runnerUp.equals("auto") ? classes > 2 : Boolean.parseBoolean(runnerUp);
  }
}
