package org.smoothcert.model;

/**
 * L-BFGS as MLlib runs it for its multilayer perceptron: Breeze's {@code LBFGS(maxIter, m, tol)} with its
 * strong-Wolfe line search and its default convergence checks. Two implementations:
 * {@code model.mllib.BreezeAdapter} (Breeze's own object, what {@code fit()} runs; the {@code mllib}
 * path) and {@code model.fast.ArrayLbfgs} (the same algorithm over reused double arrays; the
 * {@code fast} path). {@code smoothcert bench} and the equivalence tests also pair a path's cost
 * ({@link MlpCost}) with the other path's minimizer.
 */
public interface Minimizer {
  /** A differentiable cost in plain Java. */
  interface Objective {
    /**
     * Returns the value at {@code x} and writes the gradient into {@code gradient}, a zeroed array of
     * x's length. Neither array may be kept: a minimizer may reuse both after the call returns.
     */
    double valueAndGradient(double[] x, double[] gradient);
  }

  /**
   * The last L-BFGS state: its point (owned by the caller), iterations taken, cost evaluations, and the
   * time spent inside the objective (the rest of {@link #minimize} is the optimizer's bookkeeping).
   */
  record Minimum(double[] x, int iterations, int costEvaluations, long costNanos) {}

  /** Minimises {@code objective} from {@code initial}, which is not modified. */
  Minimum minimize(Objective objective, double[] initial);
}
