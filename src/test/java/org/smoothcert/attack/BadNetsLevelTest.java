package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.certify.Certificate;
import org.smoothcert.smoothing.Scheme;

/** The per-R counts on hand-made certificates: a changed point certified at R is a violation, not a miss. */
class BadNetsLevelTest {
  private static Certificate cert(int label, int radius) {
    return new Certificate(label, radius, new Certificate.TopClass(Math.max(label, 0), 10), new Certificate.Bounds(0.9, 0.1));
  }

  private static final Certificate ABSTAIN = new Certificate(-1, -1, new Certificate.TopClass(0, 5), new Certificate.Bounds(0.4, 0.6));

  @Test
  void changesAreSplitIntoViolationsAndUncertifiedChangesOnTheThreatHalfOnly() {
    int target = 1;
    int[] trueLabels = {0, 0, 0, 1};
    Certificate[] clean = {cert(0, 5), cert(0, 2), ABSTAIN, cert(1, 9)};
    // the clean predictions here are the certificates' labels (a scheme without a test trigger)
    // rows [0, 4): triggered images; [4, 8): clean images
    Certificate[] attacked = {cert(1, 0), cert(1, 0), cert(1, 0), cert(1, 3),
        cert(1, 0), cert(0, 2), cert(0, 0), cert(1, 9)};
    BadNetsLevel onClean = BadNetsLevel.evaluate(3, 3, target, trueLabels, clean, clean, attacked,
        BadNetsPlan.threatRows(Scheme.BAGGING, 4), new int[] {1, 1, 0, 1}, 0);
    assertEquals(3, onClean.victims());
    assertEquals(2.0 / 3, onClean.undefendedSuccess(), 1e-12);
    assertEquals(1.0, onClean.smoothedSuccess(), 1e-12, "every victim's triggered image went to the target");
    assertEquals(1.0 / 3, onClean.smoothedThreatSuccess(), 1e-12);
    assertEquals(2, onClean.certified(), "radius >= 3: points 0 and 3");
    // point 0 changed (certified at 5 >= 3: a violation), point 2 changed from abstention (uncertified)
    assertEquals(2, onClean.changed());
    assertEquals(1, onClean.changedUncertified());
    assertEquals(List.of(0), onClean.violations().stream().map(BadNetsLevel.Violation::point).toList());

    BadNetsLevel onTriggered = BadNetsLevel.evaluate(3, 3, target, trueLabels, clean, clean, attacked,
        BadNetsPlan.threatRows(Scheme.BAGFLIP, 4), new int[] {1, 1, 0, 1}, 0);
    assertEquals(3, onTriggered.changed(), "points 0, 1 and 2 changed on their triggered images");
    assertEquals(2, onTriggered.changedUncertified());
    assertEquals(1, onTriggered.violations().size());
  }

  @Test
  void aPredictionKeptButNoLongerCertifiedAgainstTheTriggerIsNoChange() {
    // bagflip: the clean certificate (with the test trigger) abstains at point 1, while its prediction is
    // class 0; under attack the prediction stays 0: no change, although the certificate would abstain.
    Certificate[] clean = {cert(0, 2), ABSTAIN};
    Certificate[] cleanPredicted = {cert(0, 0), cert(0, 0)};
    Certificate[] attacked = {cert(0, 0), cert(0, 0), cert(0, 0), cert(0, 0)};
    BadNetsLevel level = BadNetsLevel.evaluate(1, 1, 1, new int[] {0, 0}, clean, cleanPredicted, attacked, 0,
        new int[] {0, 0}, 0);
    assertEquals(0, level.changed());
    assertEquals(1, level.certified());
    Certificate[] flipped = {cert(1, 0), cert(1, 0), cert(0, 0), cert(0, 0)};
    level = BadNetsLevel.evaluate(1, 1, 1, new int[] {0, 0}, clean, cleanPredicted, flipped, 0, new int[] {0, 0}, 0);
    assertEquals(2, level.changed());
    assertEquals(1, level.violations().size());
    assertEquals(1, level.changedUncertified());
  }

  @Test
  void theDefaultLadderRunsToThreeTimesTheLargestCertifiedRadius() {
    assertEquals(List.of(1, 2, 5, 10), BadNetsRun.defaultLadder(-1, 1000));
    assertEquals(List.of(1, 2, 5, 10, 20, 50, 100, 200, 500), BadNetsRun.defaultLadder(146, 10_000));
    assertEquals(List.of(1, 2, 5, 10, 20, 50, 60), BadNetsRun.defaultLadder(146, 60));
  }
}
