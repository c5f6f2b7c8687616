package org.smoothcert.config;

import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.Ceiling;
import org.smoothcert.certify.Certifier;
import org.smoothcert.certify.L0Certificate;

/**
 * From a run's config to what certifies its votes: the alpha split, the flip noise's certificate, the
 * scheme's certifier ({@link SmoothingConfig#certifier}) at that split, the prediction certifier and the
 * ceiling of N classifiers. The one place the certify.*, data.* and smoothing.* keys meet; {@code run},
 * {@code certify}, the attacks and the console's ceiling line all take their certifier from here.
 */
public final class Certifiers {
  private Certifiers() {}

  /** The failure probability the run's certificates prove together ({@link AlphaSplit#provenAlpha}). */
  public static double provenAlpha(RunConfig config) {
    return alphaSplit(config).provenAlpha();
  }

  /** The run's alpha split over the config's m certified points, its classes and its protocol. */
  public static AlphaSplit alphaSplit(RunConfig config) {
    return AlphaSplit.of(config.certify().alpha(), config.data().certifiedSize(), config.classes(),
        config.certify().classSplit(), config.certify().runnerUpFor(config.classes()),
        config.certify().selectionClassifiers() > 0);
  }

  /**
   * The certificate for the run's noise: its feature domain is the largest among the data's columns
   * (a table's categorical columns have their own), never only the configured levels.
   */
  public static L0Certificate certificate(RunConfig config, int featureDomain) {
    return L0Certificate.of(config.smoothing().beta(), featureDomain, config.classes());
  }

  /**
   * The run's certifier: its alpha split over the config's m test points, whatever rows it is given (an
   * attack's extra copies of the test points are certified as the clean run certifies the points); the
   * certificate is the scheme's.
   *
   * @param trainingExamples n, the clean training set's size (the bagging schemes' certificates use it)
   */
  public static Certifier certifier(RunConfig config, int featureDomain, int trainingExamples) {
    return config.smoothing().certifier(alphaSplit(config), config.certify().maxRadius(), featureDomain,
        config.classes(), trainingExamples);
  }

  /**
   * The smoothed classifier's prediction, at the run's alpha split: the scheme's certifier without a
   * trigger on the test input ({@link SmoothingConfig#withoutTrigger}); a label, or an abstention where the
   * votes do not tell the top class from the others. The same as {@link #certifier} for every scheme but
   * bagflip with certify.trigger-size > 0.
   */
  public static Certifier predictionCertifier(RunConfig config, int featureDomain, int trainingExamples) {
    return config.smoothing().withoutTrigger().certifier(alphaSplit(config), config.certify().maxRadius(),
        featureDomain, config.classes(), trainingExamples);
  }

  /** The classifiers whose votes are bounded: N, or N - n0 in the two-sample protocol. */
  public static long estimationClassifiers(RunConfig config) {
    return config.smoothing().classifiers() - config.certify().selectionClassifiers();
  }

  /** What {@code classifiers} bounded votes can certify at all under the flip noise's certificate. */
  public static Ceiling ceiling(RunConfig config, int featureDomain, long classifiers) {
    return new Ceiling(certificate(config, featureDomain), classifiers, alphaSplit(config).perBound());
  }
}
