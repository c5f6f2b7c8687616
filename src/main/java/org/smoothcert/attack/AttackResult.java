package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.List;
import org.smoothcert.certify.Certificate;
import org.smoothcert.votes.VoteCounts;

/**
 * What one attack did to the undefended MLP and to the smoothed classifier, and whether it broke any
 * certificate. The victims are the test points whose true class is not the target; an attack succeeds
 * on a victim when it is predicted as the target (an abstaining smoothed classifier is not fooled).
 *
 * @param success the victims and how often the attack succeeded on them
 * @param coverage the points the clean certificates cover against it and the violations among them
 * @param changes how often each prediction changed over all test points
 */
public record AttackResult(Attack attack, Success success, Coverage coverage, Changes changes) {
  /**
   * @param victims test points whose true class is not the target
   * @param undefended share of victims the attacked undefended MLP predicts as the target
   * @param smoothed share of victims the attacked smoothed classifier predicts as the target
   */
  public record Success(int victims, double undefended, double smoothed) {}

  /**
   * @param points test points (of any class) the attack changed something for (cost >= 1) and whose clean
   *     certificate has radius >= that cost
   * @param certifiedVictims victims whose clean certificate is correct with radius >= the attack's cost on them
   * @param violations covered points whose smoothed prediction under attack changed
   * @param voteShift mean change of the clean top class's vote share over the covered points (NaN: none)
   */
  public record Coverage(int points, int certifiedVictims, List<Violation> violations, double voteShift) {}

  /**
   * @param smoothed share of all test points whose smoothed prediction (or abstention) changed
   * @param undefended share of all test points whose undefended MLP prediction changed
   */
  public record Changes(double smoothed, double undefended) {}

  public int victims() {
    return success.victims();
  }

  public double undefendedSuccess() {
    return success.undefended();
  }

  public double smoothedSuccess() {
    return success.smoothed();
  }

  public int coveredPoints() {
    return coverage.points();
  }

  public int certifiedVictims() {
    return coverage.certifiedVictims();
  }

  public List<Violation> violations() {
    return coverage.violations();
  }

  public double coveredVoteShift() {
    return coverage.voteShift();
  }

  public double smoothedChanged() {
    return changes.smoothed();
  }

  public double undefendedChanged() {
    return changes.undefended();
  }

  /**
   * @param trueLabels the test points' classes
   * @param clean the smoothed classifier's certificates on clean data
   * @param attacked its certificates under the attack (same seed, so the same noise per classifier)
   * @param cleanVotes the clean run's votes; {@code attackedVotes} the attacked run's
   * @param undefendedClean the undefended MLP's predictions without attack
   * @param undefended the undefended MLP's predictions under the attack
   */
  public static AttackResult evaluate(Attack attack, int[] trueLabels, Certificate[] clean, Certificate[] attacked,
      VoteCounts cleanVotes, VoteCounts attackedVotes, int[] undefendedClean, int[] undefended) {
    int victims = 0;
    int undefendedHits = 0;
    int smoothedHits = 0;
    int covered = 0;
    int certifiedVictims = 0;
    int smoothedChanged = 0;
    int undefendedChanged = 0;
    double shift = 0;
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < trueLabels.length; i++) {
      smoothedChanged += attacked[i].label() != clean[i].label() ? 1 : 0;
      undefendedChanged += undefended[i] != undefendedClean[i] ? 1 : 0;
      int cost = attack.cost().of(i);
      boolean victim = trueLabels[i] != attack.target();
      if (victim) {
        victims++;
        undefendedHits += undefended[i] == attack.target() ? 1 : 0;
        smoothedHits += attacked[i].label() == attack.target() ? 1 : 0;
        certifiedVictims += clean[i].certifiedAt(trueLabels[i], cost) ? 1 : 0;
      }
      if (cost > 0 && !clean[i].abstained() && clean[i].radius() >= cost) {
        covered++;
        int top = clean[i].topClass();
        shift += (double) attackedVotes.count(i, top) / attackedVotes.classifiers()
            - (double) cleanVotes.count(i, top) / cleanVotes.classifiers();
        if (attacked[i].label() != clean[i].label()) {
          violations.add(new Violation(attack, new Violation.Site(i, trueLabels[i], cost), clean[i], attacked[i]));
        }
      }
    }
    int m = trueLabels.length;
    return new AttackResult(attack,
        new Success(victims, share(undefendedHits, victims), share(smoothedHits, victims)),
        new Coverage(covered, certifiedVictims, List.copyOf(violations), covered == 0 ? Double.NaN : shift / covered),
        new Changes(share(smoothedChanged, m), share(undefendedChanged, m)));
  }

  /** Share of victims certified correct at radius >= r on clean data: no attack of cost r can succeed on them. */
  public static double certifiedVictimShare(Certificate[] clean, int[] trueLabels, int target, int r) {
    int victims = 0;
    int certified = 0;
    for (int i = 0; i < trueLabels.length; i++) {
      if (trueLabels[i] != target) {
        victims++;
        certified += clean[i].certifiedAt(trueLabels[i], r) ? 1 : 0;
      }
    }
    return share(certified, victims);
  }

  /** Share of victims (true class not {@code target}) that {@code predictions} put in the target class. */
  public static double targetShare(int[] predictions, int[] trueLabels, int target) {
    int victims = 0;
    int hits = 0;
    for (int i = 0; i < trueLabels.length; i++) {
      if (trueLabels[i] != target) {
        victims++;
        hits += predictions[i] == target ? 1 : 0;
      }
    }
    return share(hits, victims);
  }

  private static double share(int count, int of) {
    return of == 0 ? 0.0 : (double) count / of;
  }
}
