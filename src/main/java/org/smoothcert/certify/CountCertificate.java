package org.smoothcert.certify;

import org.smoothcert.votes.VoteCounts;

/**
 * A scheme's certificate from the vote counts alone: no sampling, so no confidence level (partition
 * aggregation, where classifier i is a deterministic function of part i).
 */
public interface CountCertificate {
  /**
   * The largest radius up to {@code maxRadius} at {@code point} whose top class (ties to the smaller
   * index) is {@code top}, {@link L0Certificate#ABSTAIN} if none.
   */
  int radius(VoteCounts votes, int point, int top, int maxRadius);
}
