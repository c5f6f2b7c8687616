package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.certify.Certificate;
import org.smoothcert.data.Examples;
import org.smoothcert.votes.VoteCounts;

class AttackResultTest {
  private static final Examples TEST = new Examples(4, 1, 2, 2, new byte[4], new byte[] {0, 0, 0, 1});

  private static Certificate certified(int label, int radius) {
    return new Certificate(label, radius, new Certificate.TopClass(label, 99), new Certificate.Bounds(0.99, 0.01));
  }

  private static Certificate abstained(int top) {
    return new Certificate(-1, -1, new Certificate.TopClass(top, 50), new Certificate.Bounds(0.4, 0.6));
  }

  @Test
  void onlyAChangeAtAPointWhoseCertificateCoversTheCostIsAViolation() {
    // A 2-label flip: every point's attack costs 2.
    Attack attack = new Attack(new Attack.Aim(AttackKind.LABEL_FLIP, 2, 1), new Attack.Reach(2, 0),
        new Attack.Sets(TEST, TEST), new AttackCost(0, 2, new int[4]));
    int[] labels = {0, 0, 0, 1};
    Certificate[] clean = {certified(0, 2), certified(0, 1), certified(0, 3), certified(1, 2)};
    Certificate[] attacked = {certified(1, 0), certified(1, 0), abstained(0), certified(1, 2)};
    VoteCounts cleanVotes = VoteCounts.of(4, 2, 100, new int[] {99, 1, 99, 1, 99, 1, 1, 99});
    VoteCounts attackedVotes = VoteCounts.of(4, 2, 100, new int[] {1, 99, 1, 99, 50, 50, 1, 99});
    AttackResult result = AttackResult.evaluate(attack, labels, clean, attacked, cleanVotes, attackedVotes,
        new int[] {0, 0, 0, 1}, new int[] {1, 0, 0, 1});
    assertEquals(3, result.victims());
    assertEquals(3, result.coveredPoints(), "point 1's radius 1 does not cover a cost of 2");
    assertEquals(2, result.certifiedVictims());
    assertEquals(List.of(0, 2), result.violations().stream().map(Violation::point).toList(),
        "point 0 flipped, point 2 abstained; point 1 was not covered");
    assertEquals(1 / 3.0, result.undefendedSuccess(), 1e-12);
    assertEquals(2 / 3.0, result.smoothedSuccess(), 1e-12);
    assertEquals(2 / 3.0, AttackResult.certifiedVictimShare(clean, labels, 1, 2), 1e-12);
    assertEquals(3 / 4.0, result.smoothedChanged(), 1e-12, "points 0, 1 and 2 changed (2 by abstaining)");
    assertEquals(1 / 4.0, result.undefendedChanged(), 1e-12);
    assertEquals((-0.98 - 0.49 + 0.0) / 3, result.coveredVoteShift(), 1e-12,
        "points 0, 2 and 3 are covered: 99 -> 1, 99 -> 50 and 99 -> 99 votes of 100");
  }
}
