package org.smoothcert.config;

import com.typesafe.config.Config;

/**
 * {@code certify.*}: how votes become certificates.
 *
 * @param bounds how the votes' confidence bounds are made
 * @param maxRadius radii are searched up to this
 * @param selectionClassifiers n0 of the two-sample protocol (0 = off): classifiers [0, n0) only select
 *     the classes, the other N - n0 bound them
 */
public record CertifyConfig(Bounds bounds, int maxRadius, int selectionClassifiers) {
  /**
   * The confidence bounds.
   *
   * @param alpha failure probability of the whole run
   * @param classSplit whether alpha is also split over the classes
   * @param runnerUp "auto", "true" or "false": bound the runner-up class on its own ("auto": when there
   *     are more than two classes)
   */
  public record Bounds(double alpha, boolean classSplit, String runnerUp) {}

  /** Reads and checks the keys. */
  public static CertifyConfig from(Config c) {
    double alpha = ConfigKeys.ALPHA.read(c);
    boolean classSplit = ConfigKeys.CLASS_SPLIT.read(c);
    int maxRadius = ConfigKeys.MAX_RADIUS.read(c);
    String runnerUp = ConfigKeys.RUNNER_UP.read(c);
    int selectionClassifiers = ConfigKeys.SELECTION_CLASSIFIERS.read(c);
    return new CertifyConfig(new Bounds(alpha, classSplit, runnerUp), maxRadius, selectionClassifiers);
  }

  public double alpha() {
    return bounds.alpha();
  }

  public boolean classSplit() {
    return bounds.classSplit();
  }

  public String runnerUp() {
    return bounds.runnerUp();
  }

  /** Whether the runner-up class gets its own upper bound, for c classes. */
  public boolean runnerUpFor(int classes) {
    return runnerUp().equals("auto") ? classes > 2 : Boolean.parseBoolean(runnerUp());
  }
}
