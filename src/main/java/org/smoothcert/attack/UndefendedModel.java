package org.smoothcert.attack;

import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.learner.MlpLearner;

/** The baseline without a defence: one MLP trained on the (poisoned) training set, no noise. */
public final class UndefendedModel {
  private final MlpLearner learner;
  private final long seed;

  /** {@code seed} fixes the MLP's initial weights, the same for the clean and every poisoned set. */
  public UndefendedModel(MlpLearner learner, long seed) {
    this.learner = learner;
    this.seed = seed;
  }

  public MlpClassifier train(Examples train) {
    return learner.train(train, seed);
  }

  /** The predictions on the attack's test set of the MLP trained on its poisoned training set. */
  public int[] predictionsUnder(Attack attack) {
    int[] predictions = new int[attack.test().count()];
    train(attack.train()).predict(attack.test().features(), attack.test().count(), predictions);
    return predictions;
  }
}
