package org.smoothcert.model.fast;

import java.util.Arrays;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpConfig;

/**
 * Breeze 2.1's {@code LBFGS(maxIter, m, tol)}, as mllib's {@code LBFGS.runLBFGS} runs it, step for step
 * over plain double arrays that are allocated once and reused for every model a trainer fits.
 *
 * <p>What is the same as Breeze: the two-loop recursion with the newest pair's {@code s.y / y.y}
 * scaling and its NaN/negative-curvature checks; the first step {@code 1 / ||d||}, then 1; the
 * strong-Wolfe line search (c1 = 1e-4, c2 = 0.9, at most 10 steps growing by 1.5 and 10 safeguarded
 * cubic zoom steps, halving on an infinite or NaN value); the step-underflow check
 * {@code alpha ||g|| < 1e-10}; on a failure the history is dropped once and the search retried, a second
 * failure in a row ends the run; the convergence checks, in Breeze's order: {@code iter >= maxIter}, the
 * value not having moved by more than {@code tol |f(x0)|} from the largest of the last 20 values, and
 * {@code ||g|| <= max(tol |f|, 1e-8)}. The cost is evaluated at the same points, as many times
 * (Breeze's {@code CachedDiffFunction} included: after a failed search the point is evaluated again).
 *
 * <p>What differs: the order in which dot products and norms are summed (eight partial sums of fused
 * multiply-adds here, {@link LbfgsKernels}; Breeze's dot goes to netlib's BLAS, whose order depends on
 * the library that is loaded), so the iterates agree with Breeze's ({@code model.mllib.BreezeAdapter})
 * to rounding, not bit for bit ({@code ArrayLbfgsTest}). Breeze's cache
 * compares points by value; here a flag records whether the last evaluation was at x, which is the
 * same except in cases this cost never produces (a trial point equal to x bit for bit, NaN weights).
 * And none of Breeze's per-step allocation, cache comparisons and generic norm visitors: the L-BFGS
 * part of a classifier's time drops from 41 to 13 ms at H = 64 (docs/speed.md).
 */
final class ArrayLbfgs implements Minimizer {
  private static final double C1 = 1e-4;
  private static final double C2 = 0.9;
  private static final int MAX_LINE_SEARCH_ITER = 10;
  private static final int MAX_ZOOM_ITER = 10;
  private static final int FVAL_MEMORY = 20;

  private final int maxIter;
  private final int memory;
  private final double tol;

  private int n = -1;
  private double[] x;
  private double[] g;
  private double[] dir;
  private double[] trialX;
  private double[] trialG;
  private double[][] steps;
  private double[][] gradDeltas;
  /** s.y and y.y of each stored pair (by slot), computed once when the pair is stored. */
  private final double[] sy;
  private final double[] yy;
  private final double[] as;
  /** ||g|| of the current point, computed once per point. */
  private double gradNorm;
  private final double[] fvals = new double[FVAL_MEMORY];

  /** History: pairs stored newest first in a ring; {@code head} is the newest, {@code pairs} how many. */
  private int head;
  private int pairs;

  // per run
  private Objective objective;
  private int evaluations;
  private long costNanos;
  private double trialValue;
  /** Whether the last evaluation was at x (Breeze's cache would hand it back without evaluating). */
  private boolean cacheHoldsX;
  private int failures;

  /** Breeze's L-BFGS as fit() configures it: the learner's maxIter, memory and tol. */
  ArrayLbfgs(MlpConfig config) {
    this(config.maxIter(), config.lbfgsMemory(), config.tol());
  }

  ArrayLbfgs(int maxIter, int memory, double tol) {
    if (memory < 1) {
      throw new IllegalArgumentException("L-BFGS memory must be >= 1, got " + memory);
    }
    this.maxIter = maxIter;
    this.memory = memory;
    this.tol = tol;
    this.sy = new double[memory];
    this.yy = new double[memory];
    this.as = new double[memory];
  }

  @Override
  public Minimum minimize(Objective objective, double[] initial) {
    allocate(initial.length);
    this.objective = objective;
    evaluations = 0;
    costNanos = 0;
    failures = 0;
    pairs = 0;
    System.arraycopy(initial, 0, x, 0, n);
    double value = evaluate(x, g);
    cacheHoldsX = true;
    double initialValue = value;
    int fvalCount = 1;
    int fvalNext = 1;
    fvals[0] = Double.POSITIVE_INFINITY;
    int iter = 0;
    boolean failedOnce = false;
    boolean searchFailed = false;
    while (!converged(iter, value, initialValue, fvalCount, searchFailed)) {
      try {
        direction();
        double alpha = lineSearch(value, iter == 0 ? 1.0 / norm(dir) : 1.0);
        if (alpha * gradNorm < 1e-10) {
          throw new Failure("step size underflow");
        }
        // The line search's last evaluation is x + dir * alpha: Breeze's takeStep computes the same
        // point, and its cache hands back that evaluation.
        int slot = pairs == 0 ? 0 : (head + 1) % memory;
        storePair(slot);
        head = slot;
        pairs = Math.min(pairs + 1, memory);
        swapTrial();
        value = trialValue;
        fvals[fvalNext] = value;
        fvalNext = (fvalNext + 1) % FVAL_MEMORY;
        fvalCount = Math.min(fvalCount + 1, FVAL_MEMORY);
        iter++;
        failedOnce = false;
      } catch (Failure f) {
        failures++;
        if (!failedOnce) {
          failedOnce = true;
          pairs = 0;
        } else {
          searchFailed = true;
        }
      }
    }
    this.objective = null;
    return new Minimum(x.clone(), iter, evaluations, costNanos);
  }

  /** Steps of the last run that failed (Breeze's FirstOrderExceptions): for tests. */
  int failures() {
    return failures;
  }

  private boolean converged(int iter, double value, double initialValue, int fvalCount,
      boolean searchFailed) {
    if (iter >= maxIter && maxIter >= 0) {
      return true;
    }
    if (fvalCount >= 2) {
      double max = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < fvalCount; i++) {
        max = Math.max(max, fvals[i]);
      }
      if (Math.abs(value - max) <= tol * Math.abs(initialValue)) {
        return true;
      }
    }
    gradNorm = norm(g);
    return gradNorm <= Math.max(tol * Math.abs(value), 1e-8) || searchFailed;
  }

  /**
   * dir = -H g by Breeze's two-loop recursion over the stored pairs, newest first, with the newest
   * pair's s.y / y.y as the initial scaling. The scaling and the final sign change ride on the axpy
   * they follow (per element the same operations in the same order, so the same bits), and s.y and y.y
   * of each pair are computed once, when it is stored, rather than in every iteration as Breeze does
   * (the same dot of the same vectors, so the same value).
   */
  private void direction() {
    if (pairs == 0) {
      for (int j = 0; j < n; j++) {
        dir[j] = g[j] * 1.0 * -1.0;
      }
      return;
    }
    double newestSy = sy[head];
    if (newestSy < 0 || Double.isNaN(newestSy)) {
      throw new Failure("NaN history");
    }
    double diag = newestSy / yy[head];
    System.arraycopy(g, 0, dir, 0, n);
    double dot = dot(steps[head], dir);
    for (int i = 0; i < pairs; i++) {
      int slot = slot(i);
      as[i] = dot / sy[slot];
      if (Double.isNaN(as[i])) {
        throw new Failure("NaN history");
      }
      boolean last = i == pairs - 1;
      // dir += -as_i y_i, then the next dot: s_{i+1}.dir, or after the last pair (dir *= diag) y_last.dir.
      dot = LbfgsKernels.axpyScaleDot(-as[i], gradDeltas[slot], dir, last ? diag : 1.0,
          last ? gradDeltas[slot] : steps[slot(i + 1)]);
    }
    for (int i = pairs - 1; i >= 0; i--) {
      int slot = slot(i);
      double beta = dot / sy[slot];
      if (i > 0) {
        dot = LbfgsKernels.axpyScaleDot(as[i] - beta, steps[slot], dir, 1.0,
            gradDeltas[slot(i - 1)]);
      } else {
        LbfgsKernels.axpyScaleDot(as[i] - beta, steps[slot], dir, -1.0, null);
      }
    }
  }

  /** The ring slot of the pair at {@code position} (0 = newest). */
  private int slot(int position) {
    return Math.floorMod(head - position, memory);
  }

  /** Stores s = trialX - x and y = trialG - g in {@code slot}, with their s.y and y.y. */
  private void storePair(int slot) {
    double[] s = steps[slot];
    double[] y = gradDeltas[slot];
    for (int j = 0; j < n; j++) {
      s[j] = trialX[j] - x[j];
      y[j] = trialG[j] - g[j];
    }
    sy[slot] = dot(s, y);
    yy[slot] = dot(y, y);
  }

  /**
   * Breeze's {@code StrongWolfeLineSearch(10, 10).minimize} along {@code dir} from x (value
   * {@code value}, gradient g); returns the accepted step, whose evaluation is left in the trial arrays.
   */
  private double lineSearch(double value, double init) {
    if (!(init <= Double.POSITIVE_INFINITY)) {
      // Breeze's require(init <= bound), which is not one of the failures it recovers from.
      throw new IllegalStateException("L-BFGS cannot start: the gradient at the initial weights is NaN");
    }
    if (!cacheHoldsX) {
      // Breeze's cache holds the last trial point, not x: phi(0) evaluates x again.
      evaluate(x, trialG);
      cacheHoldsX = true;
    }
    double dd = dot(g, dir);
    if (dd > 0) {
      throw new Failure("line search invoked with a non-descent direction");
    }
    double lowT = 0.0;
    double lowF = value;
    double lowD = dd;
    double t = init;
    for (int i = 0; i < MAX_LINE_SEARCH_ITER; i++) {
      double cF = phi(t);
      double cD = trialSlope();
      if (Double.isInfinite(cF) || Double.isNaN(cF)) {
        t /= 2.0;
        continue;
      }
      if (cF > value + C1 * t * dd || (cF >= lowF && i > 0)) {
        return zoom(value, dd, lowT, lowF, lowD, t, cF, cD);
      }
      if (Math.abs(cD) <= C2 * Math.abs(dd)) {
        return t;
      }
      if (cD >= 0) {
        return zoom(value, dd, t, cF, cD, lowT, lowF, lowD);
      }
      lowT = t;
      lowF = cF;
      lowD = cD;
      t *= 1.5;
    }
    throw new Failure("line search failed");
  }

  private double zoom(double value, double dd, double lowT, double lowF, double lowD,
      double hiT, double hiF, double hiD) {
    for (int i = 0; i < MAX_ZOOM_ITER; i++) {
      double t = lowT > hiT ? interp(hiT, hiF, hiD, lowT, lowF, lowD) : interp(lowT, lowF, lowD, hiT, hiF, hiD);
      double cF = phi(t);
      double cD = trialSlope();
      if (Double.isNaN(t)) {
        throw new Failure("line search zoom failed");
      }
      if (cF > value + C1 * t * dd || cF >= lowF) {
        hiT = t;
        hiF = cF;
        hiD = cD;
      } else {
        if (Math.abs(cD) <= C2 * Math.abs(dd)) {
          return t;
        }
        if (cD * (hiT - lowT) >= 0) {
          hiT = lowT;
          hiF = lowF;
          hiD = lowD;
        }
        lowT = t;
        lowF = cF;
        lowD = cD;
      }
    }
    throw new Failure("line search zoom failed");
  }

  /** Breeze's safeguarded cubic interpolation between brackets l (left) and r (right). */
  private static double interp(double lT, double lF, double lD, double rT, double rF, double rD) {
    double d1 = lD + rD - 3 * (lF - rF) / (lT - rT);
    double d2 = Math.sqrt(d1 * d1 - lD * rD);
    double multiplier = rT - lT;
    double t = rT - multiplier * (rD + d2 - d1) / (rD - lD + 2 * d2);
    double lbound = lT + 0.1 * (rT - lT);
    double ubound = lT + 0.9 * (rT - lT);
    if (t < lbound) {
      return lbound;
    }
    if (t > ubound) {
      return ubound;
    }
    return t;
  }

  /** Evaluates the cost at x + dir * t into the trial arrays and returns its value. */
  private double phi(double t) {
    for (int i = 0; i < n; i++) {
      trialX[i] = x[i] + dir[i] * t;
    }
    cacheHoldsX = false;
    trialValue = evaluate(trialX, trialG);
    return trialValue;
  }

  private double trialSlope() {
    return dot(trialG, dir);
  }

  private double evaluate(double[] point, double[] gradient) {
    Arrays.fill(gradient, 0.0);
    evaluations++;
    long start = System.nanoTime();
    double value = objective.valueAndGradient(point, gradient);
    costNanos += System.nanoTime() - start;
    return value;
  }

  /** The trial point becomes the current one (the arrays swap roles; nothing is copied). */
  private void swapTrial() {
    double[] t = x;
    x = trialX;
    trialX = t;
    t = g;
    g = trialG;
    trialG = t;
    cacheHoldsX = true;
  }

  private void allocate(int length) {
    if (length == n) {
      return;
    }
    n = length;
    x = new double[n];
    g = new double[n];
    dir = new double[n];
    trialX = new double[n];
    trialG = new double[n];
    steps = new double[memory][n];
    gradDeltas = new double[memory][n];
  }

  private static double dot(double[] a, double[] b) {
    return LbfgsKernels.dot(a, b);
  }

  static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  /** Breeze's FirstOrderException: the step is abandoned (and the history dropped once). */
  private static final class Failure extends RuntimeException {
    Failure(String message) {
      super(message, null, false, false);
    }
  }
}
