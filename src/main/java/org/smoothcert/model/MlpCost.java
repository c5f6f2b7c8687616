package org.smoothcert.model;

import org.smoothcert.data.Examples;

/**
 * A path's cost of MLlib's network over a training set, with what comes before and after minimising it:
 * MLlib's initial weights, and the classifier (with the path's prediction) a minimum is. A path's trainer
 * is its cost under its own {@link Minimizer}; {@code smoothcert bench} and the equivalence tests pair a
 * cost with the other path's minimizer from these same pieces.
 */
public interface MlpCost {
  /**
   * Takes {@code train} (the layers follow its dim and classes) and returns the cost over it, valid until
   * the next load.
   */
  Minimizer.Objective load(Examples train);

  /** The weights {@code MultilayerPerceptronClassifier.setSeed(seed)} starts from, for the loaded layers. */
  double[] initialWeights(long seed);

  /** The classifier of the loaded layers at {@code minimum}, predicting the loaded set's domains. */
  MlpClassifier classifier(Minimizer.Minimum minimum);

  /** Loads {@code train} and minimises the cost with {@code lbfgs} from the seed's initial weights. */
  default MlpClassifier train(Minimizer lbfgs, Examples train, long seed) {
    Minimizer.Objective objective = load(train);
    return classifier(lbfgs.minimize(objective, initialWeights(seed)));
  }
}
