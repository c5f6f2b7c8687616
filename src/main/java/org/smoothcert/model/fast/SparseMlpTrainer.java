package org.smoothcert.model.fast;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;

/**
 * The {@code fast} path: trains the network {@code model.mllib.MllibMlpTrainer} trains, from the same
 * initial weights ({@code topology.model(seed)}, taken from MLlib's {@code MlpNetwork}) by Breeze's
 * L-BFGS algorithm, but evaluates the cost with {@link SparseMlpCost}, runs the L-BFGS steps in
 * {@link ArrayLbfgs} and predicts with {@link SparsePrediction} (its {@link FastCost}): the work of the
 * first layer shrinks to the non-zero inputs, and L-BFGS allocates nothing per step. The weights equal
 * fit()'s up to rounding.
 *
 * <p>Reuses across the models it trains: the non-zero input lists, the cost's buffers, the L-BFGS
 * arrays and the prediction inputs.
 */
public final class SparseMlpTrainer implements MlpTrainer {
  private final FastCost cost;
  private final Minimizer lbfgs;

  /** The fast path: the sparse cost minimised by the array L-BFGS. */
  public SparseMlpTrainer(MlpConfig config) {
    this.cost = new FastCost(config);
    this.lbfgs = new ArrayLbfgs(config);
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    return cost.train(lbfgs, train, seed);
  }
}
