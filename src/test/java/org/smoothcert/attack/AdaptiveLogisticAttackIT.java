package org.smoothcert.attack;

import java.util.List;

/**
 * The adaptive attack end to end on the default learner, logistic regression with L2 decay (no hidden
 * layer: the surrogate's input gradient is each network's weight-row difference, exact).
 */
class AdaptiveLogisticAttackIT extends AdaptiveAttackChecks {
  @Override
  List<String> learner() {
    return List.of();
  }
}
