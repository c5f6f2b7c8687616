package org.smoothcert.attack;

import java.util.List;

/** The adaptive attack end to end on an MLP (one hidden layer of 8, no weight decay). */
class AdaptiveAttackIT extends AdaptiveAttackChecks {
  @Override
  List<String> learner() {
    return List.of("--set", "learner.hidden=8", "--set", "learner.max-iter=30", "--set", "learner.l2=0");
  }
}
