package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.List;
import org.smoothcert.certify.Certificate;

/**
 * What BadNets with R poisoned examples did. Victims are the test points whose true class is not the
 * target; the attack succeeds on a victim predicted as the target (an abstention is not fooled).
 * Changes and violations are counted over all m test points on the half of the rows in the scheme's
 * threat ({@link BadNetsPlan#threatRows}): the smoothed prediction there against the clean run's (both read
 * by the scheme's certifier without a test trigger, {@code Certifiers.predictionCertifier}: the top class when
 * its lower bound beats the others, else an abstention, which counts as a change, to be strict). The
 * certified R is the clean run's certificate, for the threat with the trigger.
 *
 * @param scope R, the examples it poisoned, the test points and the victims among them
 * @param success how often the attack succeeded on the victims
 * @param changes what it changed on the threat half and which changes break a certificate
 * @param seconds the attacked run's time: training the N classifiers (or reading them) and the undefended learner
 */
public record BadNetsLevel(Scope scope, Success success, Changes changes, double seconds) {
  /**
   * @param r poisoned training examples
   * @param poisonedExamples training examples that differ from the clean set (counted, must be r)
   * @param points the test points, m
   * @param victims test points not of the target class
   */
  public record Scope(int r, int poisonedExamples, int points, int victims) {}

  /**
   * @param undefended share of victims the undefended learner, trained on the poisoned set, predicts as the
   *     target on their triggered images
   * @param smoothed the same share for the smoothed classifier trained on the poisoned set
   * @param smoothedThreat the smoothed share on the threat half (the triggered images for bagflip, the clean
   *     ones for bagging and partition)
   */
  public record Success(double undefended, double smoothed, double smoothedThreat) {}

  /**
   * @param certified test points whose clean certificate has radius >= r (the prediction, right or wrong)
   * @param changed test points whose smoothed prediction on the threat half differs from the clean one
   * @param changedUncertified of those, the ones not certified at r
   * @param violations of those, the ones certified at r (each one breaks the certificate)
   */
  public record Changes(int certified, int changed, int changedUncertified, List<Violation> violations) {}

  /**
   * A point certified at radius >= R whose prediction changed under the attack at R.
   *
   * @param site the point, its true class and its clean prediction
   */
  public record Violation(int r, Site site, Certificate clean, Certificate attacked) {
    /** A test point (index), its true class and the clean run's prediction there. */
    public record Site(int point, int trueLabel, int cleanPrediction) {}

    public int point() {
      return site.point();
    }

    public int trueLabel() {
      return site.trueLabel();
    }

    public int cleanPrediction() {
      return site.cleanPrediction();
    }
  }

  public int r() {
    return scope.r();
  }

  public int poisonedExamples() {
    return scope.poisonedExamples();
  }

  public int points() {
    return scope.points();
  }

  public int victims() {
    return scope.victims();
  }

  public double undefendedSuccess() {
    return success.undefended();
  }

  public double smoothedSuccess() {
    return success.smoothed();
  }

  public double smoothedThreatSuccess() {
    return success.smoothedThreat();
  }

  public int certified() {
    return changes.certified();
  }

  public int changed() {
    return changes.changed();
  }

  public int changedUncertified() {
    return changes.changedUncertified();
  }

  public List<Violation> violations() {
    return changes.violations();
  }

  /**
   * @param r poisoned examples
   * @param poisonedExamples counted from the data
   * @param target the target class
   * @param trueLabels the m test points' classes
   * @param clean the clean run's certificates (m): the certified R
   * @param cleanPredicted the clean run's predictions (m), read as {@code attacked} is
   * @param attacked the attacked run's predictions on its 2m rows ({@link BadNetsPlan#rows})
   * @param threatOffset where the threat half begins in {@code attacked}
   * @param undefended the undefended learner's predictions on the triggered test images (m)
   */
  public static BadNetsLevel evaluate(int r, int poisonedExamples, int target, int[] trueLabels, Certificate[] clean,
      Certificate[] cleanPredicted, Certificate[] attacked, int threatOffset, int[] undefended, double seconds) {
    int m = trueLabels.length;
    if (clean.length != m || cleanPredicted.length != m || attacked.length != 2 * m || undefended.length != m) {
      throw new IllegalArgumentException("expected " + m + " clean, " + 2 * m + " attacked and " + m
          + " undefended answers");
    }
    int victims = 0;
    int undefendedHits = 0;
    int smoothedHits = 0;
    int threatHits = 0;
    int certified = 0;
    int changed = 0;
    int changedUncertified = 0;
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      Certificate inThreat = attacked[threatOffset + i];
      if (trueLabels[i] != target) {
        victims++;
        undefendedHits += undefended[i] == target ? 1 : 0;
        smoothedHits += attacked[i].label() == target ? 1 : 0;
        threatHits += inThreat.label() == target ? 1 : 0;
      }
      boolean certifiedAtR = certifiedAt(clean[i], r);
      certified += certifiedAtR ? 1 : 0;
      if (inThreat.label() != cleanPredicted[i].label()) {
        changed++;
        if (certifiedAtR) {
          violations.add(new Violation(r, new Violation.Site(i, trueLabels[i], cleanPredicted[i].label()), clean[i],
              inThreat));
        } else {
          changedUncertified++;
        }
      }
    }
    return new BadNetsLevel(new Scope(r, poisonedExamples, m, victims),
        new Success(share(undefendedHits, victims), share(smoothedHits, victims), share(threatHits, victims)),
        new Changes(certified, changed, changedUncertified, List.copyOf(violations)), seconds);
  }

  /** The clean certificate covers R poisoned examples: the point did not abstain and its radius is >= R. */
  public static boolean certifiedAt(Certificate clean, int r) {
    return !clean.abstained() && clean.radius() >= r;
  }

  private static double share(int count, int of) {
    return of == 0 ? 0.0 : (double) count / of;
  }
}
