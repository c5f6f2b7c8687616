package org.smoothcert.bench;

import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.fast.FastCost;
import org.smoothcert.model.mllib.BreezeAdapter;

/** {@code smoothcert bench}'s experiment. */
public final class Bench {
  private Bench() {}

  /**
   * sparse+breeze: the fast path's sparse cost under Breeze's own L-BFGS object, no learner a run trains;
   * bench times it to split the fast path's gain between its cost and its L-BFGS.
   */
  public static MlpTrainer sparseBreeze(MlpConfig config) {
    FastCost cost = new FastCost(config);
    BreezeAdapter lbfgs = new BreezeAdapter(config);
    return (train, seed) -> cost.train(lbfgs, train, seed);
  }
}
