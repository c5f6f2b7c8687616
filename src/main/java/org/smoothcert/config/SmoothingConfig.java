package org.smoothcert.config;

import com.typesafe.config.Config;
import java.io.Serializable;
import org.smoothcert.UserError;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.Beta;
import org.smoothcert.certify.BagFlipCertificate;
import org.smoothcert.certify.BaggingCertificate;
import org.smoothcert.certify.PartitionCertificate;
import org.smoothcert.certify.Certifier;
import org.smoothcert.certify.L0Certificate;
import org.smoothcert.smoothing.BagFlipSmoothing;
import org.smoothcert.smoothing.BaggingSmoothing;
import org.smoothcert.smoothing.ClassifierNoise;
import org.smoothcert.smoothing.PartitionSmoothing;
import org.smoothcert.smoothing.Scheme;
import org.smoothcert.smoothing.Smoothing;

/**
 * {@code smoothing.*} (and the trigger size its certificate takes): how classifier j's training set and
 * test points are derived, and how many classifiers vote. The one place a scheme's keys become the
 * scheme: {@link #smoothing} for the engine, and the certificate beside it.
 *
 * @param scheme how classifier j's sets are derived
 * @param classifiers N (for partition: the number of parts)
 * @param flips the flip noise on the features (flip, bagflip)
 * @param bags the bags of training examples (bagging, bagflip)
 */
public record SmoothingConfig(Scheme scheme, int classifiers, Flips flips, Bags bags) implements Serializable {
  /**
   * The flip noise.
   *
   * @param beta keep probability of every coordinate (flip, bagflip)
   * @param triggerSize s, features a poisoned example and the test input may have changed (bagflip)
   */
  public record Flips(double beta, int triggerSize) implements Serializable {}

  /**
   * The bags.
   *
   * @param size k, examples in each bag (bagging, bagflip; 0 otherwise)
   * @param replacement whether a bag is drawn with replacement
   */
  public record Bags(int size, boolean replacement) implements Serializable {}

  /** The default keep probability, which a scheme without flips does not use (conf/default.conf). */
  private static final double DEFAULT_BETA = 0.9;

  /** The flip noise at {@code beta} with N classifiers (tests and tools). */
  public static SmoothingConfig flip(double beta, int classifiers) {
    return new SmoothingConfig(Scheme.FLIP, classifiers, new Flips(beta, 0), new Bags(0, true));
  }

  /** Reads and checks the keys; beta must also exceed 1/d for the smaller of the two domains. */
  public static SmoothingConfig from(Config c, int featureDomain, int classes) {
    Scheme scheme = ConfigKeys.SCHEME.read(c);
    double beta = ConfigKeys.BETA.read(c);
    int classifiers = Math.toIntExact(ConfigKeys.CLASSIFIERS.read(c));
    int bagSize = ConfigKeys.BAG_SIZE.read(c);
    boolean replacement = ConfigKeys.BAG_REPLACEMENT.read(c);
    int trigger = ConfigKeys.TRIGGER_SIZE.read(c);
    String with = " with " + ConfigKeys.SCHEME + " = " + scheme.key();
    if (scheme.flips()) {
      Beta.requireAboveChance(ConfigKeys.BETA.name(), beta, featureDomain, classes, UserError::new);
    } else if (beta != DEFAULT_BETA) {
      throw new UserError(ConfigKeys.BETA + " = " + beta + " has no effect" + with + " (no flip noise): leave it out");
    }
    if (scheme.bags() && bagSize < 1) {
      throw new UserError(ConfigKeys.BAG_SIZE + " must be set to the examples in a bag (1 or more)" + with);
    }
    if (!scheme.bags() && bagSize != 0) {
      throw new UserError(ConfigKeys.BAG_SIZE + " = " + bagSize + " has no effect" + with + ": leave it out");
    }
    if (!scheme.bags() && !replacement) {
      throw new UserError(ConfigKeys.BAG_REPLACEMENT + " = false has no effect" + with + ": leave it out");
    }
    if (scheme == Scheme.BAGFLIP && !replacement) {
      throw new UserError(ConfigKeys.BAG_REPLACEMENT + " = false: the bagflip certificate is for bags drawn with"
          + " replacement (BagFlipCertificate); leave it out");
    }
    if (scheme != Scheme.BAGFLIP && trigger != 0) {
      throw new UserError(ConfigKeys.TRIGGER_SIZE + " = " + trigger + " is a bagflip certificate's"
          + " (smoothing.scheme = bagflip); it has no meaning" + with);
    }
    return new SmoothingConfig(scheme, classifiers, new Flips(beta, trigger), new Bags(bagSize, replacement));
  }

  /**
   * Checks what needs the drawn data: a bag without replacement holds at most n examples, and there are
   * no more parts than examples.
   */
  public void requireFits(int trainingExamples) {
    if (scheme.bags() && !bagReplacement() && bagSize() > trainingExamples) {
      throw new UserError(ConfigKeys.BAG_SIZE + " = " + bagSize() + " is more than the " + trainingExamples
          + " training examples, which a bag without replacement (" + ConfigKeys.BAG_REPLACEMENT + " = false) cannot hold");
    }
    if (scheme == Scheme.PARTITION && classifiers > trainingExamples) {
      throw new UserError(ConfigKeys.CLASSIFIERS + " = " + classifiers + " parts is more than the "
          + trainingExamples + " training examples (" + ConfigKeys.SCHEME + " = partition)");
    }
  }

  /**
   * The scheme's certifier: the bounds at {@code split}'s alpha (none for partition aggregation, whose
   * certificate is deterministic) and the scheme's radius.
   *
   * @param featureDomain the largest domain of the data's feature columns
   * @param classes c
   * @param trainingExamples n, the clean training set's size
   */
  public Certifier certifier(AlphaSplit split, int maxRadius, int featureDomain, int classes, int trainingExamples) {
    return switch (scheme) {
      case FLIP -> new Certifier(L0Certificate.of(beta(), featureDomain, classes), split, maxRadius);
      case BAGGING -> new Certifier(BaggingCertificate.of(trainingExamples, bagSize(), bagReplacement())::radius, split,
          maxRadius);
      // Radius in the unit every poisoned-examples scheme shares: examples modified, inserted or deleted,
      // each counting one (a modification may move an example to another part: two votes).
      case PARTITION -> Certifier.deterministic(PartitionCertificate.MODIFICATIONS, split, maxRadius);
      // The trigger on the test input alone may exceed what the flips certify: then nothing is certified
      // (-1), and the point counts as an abstention.
      case BAGFLIP -> new Certifier(BagFlipCertificate.of(trainingExamples, bagSize(), beta(), featureDomain, classes,
          triggerSize()), split, maxRadius);
    };
  }

  /**
   * The same scheme certifying no trigger on the test input (s = 0): its radius 0 says only which class
   * the smoothed classifier predicts (the top class's lower bound above the others' upper bound), which is
   * how an attacked run's prediction is read when the trigger is already in its data.
   */
  public SmoothingConfig withoutTrigger() {
    return new SmoothingConfig(scheme, classifiers, new Flips(flips.beta(), 0), bags);
  }

  public double beta() {
    return flips.beta();
  }

  public int triggerSize() {
    return flips.triggerSize();
  }

  public int bagSize() {
    return bags.size();
  }

  public boolean bagReplacement() {
    return bags.replacement();
  }

  /** Whether this is the flip noise, whose certificate needs no training set size. */
  public boolean isFlip() {
    return scheme == Scheme.FLIP;
  }

  /** Whether the certificate holds with certainty (no confidence bound, no alpha). */
  public boolean deterministic() {
    return scheme == Scheme.PARTITION;
  }

  /** The scheme for the engine: classifier j's sets as a pure function of (seed, j). */
  public Smoothing smoothing(long seed) {
    return switch (scheme) {
      case FLIP -> new ClassifierNoise(seed, beta());
      case BAGGING -> new BaggingSmoothing(seed, bagSize(), bagReplacement());
      case PARTITION -> new PartitionSmoothing(seed, classifiers);
      case BAGFLIP -> new BagFlipSmoothing(seed, bagSize(), bagReplacement(), beta());
    };
  }
}
