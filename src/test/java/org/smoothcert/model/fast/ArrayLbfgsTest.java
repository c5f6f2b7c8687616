package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.HIDDEN;
import static org.smoothcert.config.ConfigKeys.L2;
import static org.smoothcert.config.ConfigKeys.MAX_ITER;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smoothcert.bench.Bench;
import org.smoothcert.bench.NoisedCopies;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.model.FitLike;
import org.smoothcert.model.Minimizer;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.model.mllib.BreezeAdapter;
import org.smoothcert.smoothing.ClassifierNoise;

/**
 * The array L-BFGS runs Breeze's algorithm: against Breeze's own {@code LBFGS} object it takes the same
 * number of iterations, evaluates the cost as many times (so at the same points up to rounding) and
 * ends at the same weights up to rounding, on smooth test functions, on the failure paths (bad values,
 * wrong gradients) and on the paper's noised MNIST 1/7 training sets.
 */
class ArrayLbfgsTest {
  private static final java.util.concurrent.atomic.AtomicInteger WALL_HITS =
      new java.util.concurrent.atomic.AtomicInteger();
  private static final Path SHIPPED =
      Path.of(System.getProperty("smoothcert.basedir", "."), "data", "mnist-1-7");

  /** sum_i (i + 1)^2 (x_i - 1)^2 over 40 coordinates: condition number 1600. */
  private static double illConditioned(double[] x, double[] gradient) {
    double value = 0;
    for (int i = 0; i < x.length; i++) {
      double w = (i + 1) * (i + 1);
      double d = x[i] - 1;
      value += w * d * d;
      gradient[i] = 2 * w * d;
    }
    return value;
  }

  /** The chained Rosenbrock function: non-convex, a curved valley. */
  private static double rosenbrock(double[] x, double[] gradient) {
    double value = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = 1 - x[i];
      value += 100 * a * a + b * b;
      gradient[i] += -400 * x[i] * a - 2 * b;
      gradient[i + 1] += 200 * a;
    }
    return value;
  }

  @Test
  void followsBreezeOnSmoothFunctions() {
    double[] start = new double[40];
    assertSameRun(100, 10, 1e-9, ArrayLbfgsTest::illConditioned, start, 1e-9, "ill-conditioned quadratic");
    double[] rosenbrockStart = new double[12];
    for (int i = 0; i < rosenbrockStart.length; i++) {
      rosenbrockStart[i] = i % 2 == 0 ? -1.2 : 1.0;
    }
    Minimizer.Minimum minimum = assertSameRun(
        200, 5, 1e-10, ArrayLbfgsTest::rosenbrock, rosenbrockStart, 1e-9, "Rosenbrock, memory 5");
    double[] ones = new double[12];
    java.util.Arrays.fill(ones, 1.0);
    assertArrayEquals(ones, minimum.x(), 1e-4);
    assertSameRun(7, 3, 1e-9, ArrayLbfgsTest::rosenbrock, rosenbrockStart, 1e-9, "stopped at max-iter 7");
  }

  @Test
  void followsBreezeThroughBadValuesAndFailedSearches() {
    // Infinite beyond |x_i - 1| > 0.2: the first step (unit length) leaves that box and is halved.
    Minimizer.Objective walled = (x, g) -> {
      double v = illConditioned(x, g);
      for (double xi : x) {
        if (Math.abs(xi - 1) > 0.2) {
          WALL_HITS.incrementAndGet();
          return Double.POSITIVE_INFINITY;
        }
      }
      return v;
    };
    double[] start = new double[40];
    java.util.Arrays.fill(start, 1.0);
    start[0] = 1.1;
    start[39] = 1.15;
    assertSameRun(100, 10, 1e-9, walled, start, 1e-9, "infinite values");
    assertTrue(WALL_HITS.get() > 0, "the wall was hit");
    // A gradient of the wrong sign: every search fails; Breeze drops the history once, then gives up.
    Minimizer.Objective uphill = (x, g) -> {
      double v = illConditioned(x, g);
      for (int i = 0; i < g.length; i++) {
        g[i] = -g[i];
      }
      return v;
    };
    Minimizer.Minimum failed = assertSameRun(100, 10, 1e-9, uphill, start, 0.0, "wrong gradient");
    assertEquals(0, failed.iterations());
    assertEquals(2, lastFailures);
    assertArrayEquals(start, failed.x());
    // A gradient that is right but too small by 1e4 makes the line search run out of steps.
    Minimizer.Objective flat = (x, g) -> {
      double v = illConditioned(x, g);
      for (int i = 0; i < g.length; i++) {
        g[i] *= 1e-4;
      }
      return v;
    };
    assertSameRun(100, 10, 1e-9, flat, start, 1e-8, "line search out of steps");
    assertTrue(lastFailures > 0, "failed searches: " + lastFailures);
  }

  @Test
  void aNanGradientAtTheStartStopsBothAsBreezeDoes() {
    Minimizer.Objective nan = (x, g) -> {
      java.util.Arrays.fill(g, Double.NaN);
      return 1.0;
    };
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new BreezeAdapter(100, 10, 1e-9).minimize(nan, new double[3]));
    IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
        () -> new ArrayLbfgs(100, 10, 1e-9).minimize(nan, new double[3]));
    assertTrue(e.getMessage().contains("NaN"), e.getMessage());
  }

  @Test
  void reusedInstanceGivesTheSameRunForEveryProblemAndSize() {
    ArrayLbfgs lbfgs = new ArrayLbfgs(100, 4, 1e-9);
    double[] start = new double[12];
    java.util.Arrays.fill(start, -0.5);
    Minimizer.Minimum first = lbfgs.minimize(ArrayLbfgsTest::rosenbrock, start);
    Minimizer.Minimum other = lbfgs.minimize(ArrayLbfgsTest::illConditioned, new double[40]);
    Minimizer.Minimum again = lbfgs.minimize(ArrayLbfgsTest::rosenbrock, start);
    assertArrayEquals(first.x(), again.x());
    assertEquals(first.iterations(), again.iterations());
    assertEquals(first.costEvaluations(), again.costEvaluations());
    assertEquals(40, other.x().length);
    assertTrue(first.x() != again.x(), "each minimum owns its point");
    assertArrayEquals(new double[] {-0.5, -0.5}, new double[] {start[0], start[11]});
  }

  @Test
  void trainsTheSameNetworksAsBreezeOnNoisedMnist() {
    DataSample sample = MnistData.load(DataSpec.paper(SHIPPED.toString(), 0), new Configuration());
    NoisedCopies copies = new NoisedCopies(sample.train(), sample.test(), new ClassifierNoise(0, 0.9));
    RunConfig h32 = FitLike.config().with(HIDDEN, 32);
    MlpConfig[] configs = {
        h32.learner(),
        h32.with(L2, 0.15).with(MAX_ITER, 30).learner(),
        h32.with(HIDDEN, 0).with(L2, 0.1).learner(),
    };
    for (MlpConfig config : configs) {
      MlpTrainer breeze = Bench.sparseBreeze(config);
      MlpTrainer arrays = new MlpLearner(config).newTrainer();
      for (long j = 0; j < 3; j++) {
        Examples train = copies.train(j);
        Examples test = copies.test(j);
        SparseMlpTrainerTest.assertSameModel(breeze.train(train, copies.learnerSeed(j)),
            arrays.train(train, copies.learnerSeed(j)), test.features(), test.count(),
            config.describe() + ", classifier " + j, 1e-9);
      }
    }
  }

  private static int lastFailures;

  private static Minimizer.Minimum assertSameRun(int maxIter, int memory, double tol,
      Minimizer.Objective objective, double[] start, double tolerance, String what) {
    double[] copy = start.clone();
    Minimizer.Minimum expected = new BreezeAdapter(maxIter, memory, tol).minimize(objective, start);
    ArrayLbfgs arrays = new ArrayLbfgs(maxIter, memory, tol);
    Minimizer.Minimum actual = arrays.minimize(objective, start);
    lastFailures = arrays.failures();
    assertArrayEquals(copy, start, what + ": the start is not modified");
    assertEquals(expected.iterations(), actual.iterations(), what + ": iterations");
    assertEquals(expected.costEvaluations(), actual.costEvaluations(), what + ": cost evaluations");
    assertEquals(0.0, SparseMlpTrainerTest.maxDifference(expected.x(), actual.x()), tolerance, what);
    System.out.printf("%s: %d iterations, %d evaluations, %d failed steps, max |difference| %.3g%n",
        what, actual.iterations(), actual.costEvaluations(), lastFailures,
        SparseMlpTrainerTest.maxDifference(expected.x(), actual.x()));
    return actual;
  }
}
