package org.smoothcert.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.smoothing.ClassifierNoise;

/**
 * Where one trainer's classifiers spend their time, accumulated over ranges of classifiers run through
 * the job's per-slice loop ({@code VoteSampler}'s steps, timed one by one): noising the training set,
 * the cost function (its evaluations, each with its fresh gradient array), Breeze's L-BFGS bookkeeping
 * (the rest of training: initial weights, two-loop recursion, line search, history), noising the test
 * set (its list of changes) and predicting it from the clean set and the changes, as the job does. Ranges of several trainers can be interleaved, so that a machine whose load
 * changes slows them alike. Beside these wall times, the thread's CPU time for the whole classifier,
 * which waiting for a core on a shared machine does not inflate.
 */
public final class ClassifierCost {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Examples train;
  private final Examples test;
  private final MlpTrainer trainer;
  private final ClassifierNoise noise;
  private final byte[] features;
  private final byte[] labels;
  private final int[] changedAt;
  private final byte[] changedTo;
  private final int[] predictions;
  private final Examples noised;
  private long noiseTrain;
  private long cost;
  private long bookkeeping;
  private long noiseTest;
  private long predict;
  private long cpu;
  private long iterations;
  private long evaluations;
  private long classifiers;
  private long testChanges;
  private long trainChanges;
  private long cpuNoise;
  private long cpuTrain;
  private long cpuCost;
  private long cpuPredict;

  public ClassifierCost(Examples train, Examples test, MlpTrainer trainer, ClassifierNoise noise) {
    this.train = train;
    this.test = test;
    this.trainer = trainer;
    this.noise = noise;
    this.features = new byte[train.features().length];
    this.labels = new byte[train.count()];
    this.changedAt = new int[test.features().length];
    this.changedTo = new byte[test.features().length];
    this.predictions = new int[test.count()];
    this.noised = new Examples(train.count(), train.domains(), train.classes(), features, labels);
  }

  /** Runs classifiers {@code [from, to)} and adds their times. */
  public void run(long from, long to) {
    for (long j = from; j < to; j++) {
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      noise.noiseTrain(j, train, features, labels);
      long t1 = System.nanoTime();
      long cpu1 = THREADS.getCurrentThreadCpuTime();
      MlpClassifier classifier = trainer.train(noised, noise.learnerSeed(j));
      long t2 = System.nanoTime();
      long cpu2 = THREADS.getCurrentThreadCpuTime();
      int changes = noise.testChanges(j, test, changedAt, changedTo);
      long t3 = System.nanoTime();
      long cpu3 = THREADS.getCurrentThreadCpuTime();
      classifier.predictFlipped(test.features(), test.count(), changedAt, changedTo, changes, predictions);
      testChanges += changes;
      long t4 = System.nanoTime();
      long cpu4 = THREADS.getCurrentThreadCpuTime();
      cpu += cpu4 - cpu0;
      cpuNoise += (cpu1 - cpu0) + (cpu3 - cpu2);
      cpuTrain += cpu2 - cpu1;
      cpuPredict += cpu4 - cpu3;
      // The cost function's share of training's CPU time: its share of training's wall time.
      cpuCost += t2 > t1 ? Math.round((double) (cpu2 - cpu1) * classifier.costNanos() / (t2 - t1)) : 0;
      trainChanges += countChanges(features, labels);
      noiseTrain += t1 - t0;
      cost += classifier.costNanos();
      bookkeeping += t2 - t1 - classifier.costNanos();
      noiseTest += t3 - t2;
      predict += t4 - t3;
      iterations += classifier.iterations();
      evaluations += classifier.costEvaluations();
      classifiers++;
    }
  }

  /** Changed test features per classifier (the test noise's flips). */
  public double testChanges() {
    return perClassifier(testChanges);
  }

  /** Changed training features and labels per classifier. */
  public double trainChanges() {
    return perClassifier(trainChanges);
  }

  /** CPU ms per classifier drawing the noise (training set and the test set's changes). */
  public double cpuNoiseMs() {
    return perClassifier(cpuNoise) / 1e6;
  }

  /** CPU ms per classifier in the cost function (training's CPU time split as its wall time). */
  public double cpuCostMs() {
    return perClassifier(cpuCost) / 1e6;
  }

  /** CPU ms per classifier in training outside the cost function: L-BFGS, initial weights, input lists. */
  public double cpuLbfgsMs() {
    return perClassifier(cpuTrain - cpuCost) / 1e6;
  }

  /** CPU ms per classifier predicting the test set from the clean set and the changes. */
  public double cpuPredictMs() {
    return perClassifier(cpuPredict) / 1e6;
  }

  private int countChanges(byte[] noisedFeatures, byte[] noisedLabels) {
    int n = 0;
    byte[] f = train.features();
    for (int i = 0; i < f.length; i++) {
      n += f[i] != noisedFeatures[i] ? 1 : 0;
    }
    byte[] l = train.labels();
    for (int i = 0; i < l.length; i++) {
      n += l[i] != noisedLabels[i] ? 1 : 0;
    }
    return n;
  }

  public long classifiers() {
    return classifiers;
  }

  public double noiseTrainMs() {
    return perClassifier(noiseTrain) / 1e6;
  }

  public double costMs() {
    return perClassifier(cost) / 1e6;
  }

  public double bookkeepingMs() {
    return perClassifier(bookkeeping) / 1e6;
  }

  public double noiseTestMs() {
    return perClassifier(noiseTest) / 1e6;
  }

  public double predictMs() {
    return perClassifier(predict) / 1e6;
  }

  /** Noise and training, as the job's {@code train_ms_per_classifier} counts it. */
  public double trainMs() {
    return noiseTrainMs() + costMs() + bookkeepingMs();
  }

  /** Noise and prediction of the test set, as the job's {@code predict_ms_per_classifier} counts it. */
  public double testMs() {
    return noiseTestMs() + predictMs();
  }

  public double totalMs() {
    return trainMs() + testMs();
  }

  /** The thread's CPU time for noise, training and prediction. */
  public double cpuMs() {
    return perClassifier(cpu) / 1e6;
  }

  public double iterations() {
    return perClassifier(iterations);
  }

  public double costEvaluations() {
    return perClassifier(evaluations);
  }

  private double perClassifier(long total) {
    return classifiers == 0 ? Double.NaN : (double) total / classifiers;
  }
}
