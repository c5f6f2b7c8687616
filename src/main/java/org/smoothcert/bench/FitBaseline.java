package org.smoothcert.bench;

import java.util.List;
import java.util.function.Supplier;
import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;

/**
 * The baseline the in-task learners are measured against: one {@code MultilayerPerceptronClassifier
 * .fit()} per classifier on its noised training set (one partition, so fit() stacks the blocks the
 * in-task learners stack), with the classifier's seed. Each fit is timed, and its weights are compared
 * with those of in-task trainers on the same set. The fits themselves run where Spark is
 * ({@code spark.MllibFit}), handed in as a {@link Fitter}.
 */
public final class FitBaseline {
  /** MLlib's fit() of a training set. */
  public interface Fitter {
    /**
     * fit() of {@code config}'s network on {@code train} with {@code seed}, made ready (the data already
     * in Spark): the returned call runs it and returns the weights, and is all that is timed.
     */
    Supplier<double[]> prepare(MlpConfig config, Examples train, long seed);
  }

  private final Fitter fitter;
  private final NoisedCopies copies;
  private final MlpConfig config;
  private final List<MlpTrainer> compared;
  private final double[] maxDifferences;
  private long nanos;
  private int fits;

  public FitBaseline(Fitter fitter, NoisedCopies copies, MlpConfig config, List<MlpTrainer> compared) {
    this.fitter = fitter;
    this.copies = copies;
    this.config = config;
    this.compared = List.copyOf(compared);
    this.maxDifferences = new double[compared.size()];
  }

  /** Fits classifier {@code j} without recording anything: Spark's first jobs are slow. */
  public void warmUp(long j) {
    fitter.prepare(config, copies.train(j), copies.learnerSeed(j)).get();
  }

  /** Fits classifier {@code j}, times it, and compares its weights with each trainer's. */
  public void run(long j) {
    Examples train = copies.train(j);
    Supplier<double[]> fit = fitter.prepare(config, train, copies.learnerSeed(j));
    long start = System.nanoTime();
    double[] weights = fit.get();
    nanos += System.nanoTime() - start;
    fits++;
    for (int i = 0; i < compared.size(); i++) {
      double[] inTask = compared.get(i).train(train, copies.learnerSeed(j)).weights();
      maxDifferences[i] = Math.max(maxDifferences[i], Agreement.maxDifference(weights, inTask));
    }
  }

  public int fits() {
    return fits;
  }

  public double msPerFit() {
    return nanos / 1e6 / fits;
  }

  /** Largest |weight difference| between fit() and the i-th compared trainer. */
  public double maxDifference(int i) {
    return maxDifferences[i];
  }
}
