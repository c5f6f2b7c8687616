package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.ACTIVATION;
import static org.smoothcert.config.ConfigKeys.BLOCK_SIZE;
import static org.smoothcert.config.ConfigKeys.HIDDEN;
import static org.smoothcert.config.ConfigKeys.IMPLEMENTATION;
import static org.smoothcert.config.ConfigKeys.L2;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.model.Activation;
import org.smoothcert.model.FitLike;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpImplementation;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.SyntheticExamples;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.smoothing.ClassifierNoise;

/**
 * The sparse trainer trains MLlib's network: on the paper's noised MNIST 1/7 training sets its weights
 * are the MLlib trainer's (which {@code MlpFitEquivalenceIT} proves to be fit()'s) up to rounding, and
 * the two classifiers label every noised test point alike.
 */
class SparseMlpTrainerTest {
  private static final double WEIGHT_TOLERANCE = 1e-9;
  private static final RunConfig H8 = FitLike.config().with(HIDDEN, 8);
  private static final double VARIANT_TOLERANCE = 1e-7;
  private static final Path SHIPPED = Path.of(System.getProperty("smoothcert.basedir", "."), "data", "mnist-1-7");

  @Test
  void noisedMnistClassifiersMatchMllibs() {
    DataSample sample = MnistData.load(DataSpec.paper(SHIPPED.toString(), 0), new Configuration());
    Examples train = sample.train();
    Examples test = sample.test();
    ClassifierNoise noise = new ClassifierNoise(0, 0.9);
    RunConfig config = FitLike.config().with(HIDDEN, 32);
    MlpTrainer sparse = new MlpLearner(config.learner()).newTrainer();
    MlpTrainer mllib = new MlpLearner(config.with(IMPLEMENTATION, MlpImplementation.MLLIB).learner()).newTrainer();
    byte[] features = new byte[train.features().length];
    byte[] labels = new byte[train.count()];
    byte[] testFeatures = new byte[test.features().length];
    Examples noised = new Examples(train.count(), train.dim(), 2, 2, features, labels);
    for (long j = 0; j < 4; j++) {
      noise.noiseTrain(j, train, features, labels);
      noise.noiseTest(j, test, testFeatures);
      MlpClassifier expected = mllib.train(noised, noise.learnerSeed(j));
      MlpClassifier actual = sparse.train(noised, noise.learnerSeed(j));
      assertSameModel(expected, actual, testFeatures, test.count(), "classifier " + j);
    }
  }

  @Test
  void severalBlocksAndFourLevelsMatchMllibs() {
    SyntheticExamples data = new SyntheticExamples(60, 3, 0.3, 0.1, 4);
    RunConfig config = FitLike.config().with(HIDDEN, 8).with(BLOCK_SIZE, 32);
    Examples train = data.draw(100, 4, 7);
    Examples test = data.draw(500, 4, 8);
    MlpClassifier expected =
        new MlpLearner(config.with(IMPLEMENTATION, MlpImplementation.MLLIB).learner()).train(train, 31);
    MlpClassifier actual = new MlpLearner(config.learner()).train(train, 31);
    assertSameModel(expected, actual, test.features(), test.count(), "4 levels, blocks of 32");
  }

  @Test
  void reluHiddenLayerMatchesMllibsLayersAroundAReluFunction() {
    assertSparseMatchesMllib(H8.with(ACTIVATION, Activation.RELU), "relu");
  }

  @Test
  void weightDecayMatchesBetweenImplementations() {
    assertSparseMatchesMllib(H8.with(L2, 0.01), "sigmoid, L2");
    assertSparseMatchesMllib(H8.with(ACTIVATION, Activation.RELU).with(L2, 0.003), "relu, L2");
  }

  @Test
  void logisticRegressionMatchesMllibsAffineSoftmaxNetwork() {
    assertSparseMatchesMllib(H8.with(HIDDEN, 0), "logistic");
    assertSparseMatchesMllib(H8.with(HIDDEN, 0).with(L2, 0.02), "logistic, L2");
  }

  @Test
  void reluAndDecayChangeTheModel() {
    SyntheticExamples data = new SyntheticExamples(60, 3, 0.3, 0.1, 4);
    Examples train = data.draw(100, 4, 7);
    double[] sigmoid = new MlpLearner(H8.learner()).train(train, 31).weights();
    double[] relu = new MlpLearner(H8.with(ACTIVATION, Activation.RELU).learner()).train(train, 31).weights();
    double[] decayed = new MlpLearner(H8.with(L2, 0.1).learner()).train(train, 31).weights();
    assertTrue(maxDifference(sigmoid, relu) > 1e-3);
    assertTrue(norm(decayed) < 0.5 * norm(sigmoid), norm(decayed) + " vs " + norm(sigmoid));
  }

  private static double norm(double[] w) {
    double sum = 0;
    for (double x : w) {
      sum += x * x;
    }
    return Math.sqrt(sum);
  }

  private static void assertSparseMatchesMllib(RunConfig config, String what) {
    SyntheticExamples data = new SyntheticExamples(60, 3, 0.3, 0.1, 4);
    Examples train = data.draw(100, 4, 7);
    Examples test = data.draw(500, 4, 8);
    RunConfig blocks = config.with(BLOCK_SIZE, 32);
    MlpClassifier expected =
        new MlpLearner(blocks.with(IMPLEMENTATION, MlpImplementation.MLLIB).learner()).train(train, 31);
    MlpClassifier actual = new MlpLearner(blocks.learner()).train(train, 31);
    // Rounding differences grow over 100 L-BFGS iterations, faster across the ReLU's kink.
    assertSameModel(expected, actual, test.features(), test.count(), what, VARIANT_TOLERANCE);
  }

  private static void assertSameModel(
      MlpClassifier expected, MlpClassifier actual, byte[] test, int count, String what) {
    assertSameModel(expected, actual, test, count, what, WEIGHT_TOLERANCE);
  }

  static void assertSameModel(MlpClassifier expected, MlpClassifier actual, byte[] test,
      int count, String what, double tolerance) {
    assertEquals(expected.iterations(), actual.iterations(), what);
    assertEquals(expected.costEvaluations(), actual.costEvaluations(), what);
    assertEquals(0.0, maxDifference(expected.weights(), actual.weights()), tolerance, what);
    int[] expectedLabels = new int[count];
    int[] actualLabels = new int[count];
    expected.predict(test, count, expectedLabels);
    actual.predict(test, count, actualLabels);
    assertArrayEquals(expectedLabels, actualLabels, what);
    // Two classifiers that label everything alike would agree without being alike.
    assertTrue(Arrays.stream(expectedLabels).distinct().count() > 1, what + ": every test point gets one label");
  }

  static double maxDifference(double[] a, double[] b) {
    assertEquals(a.length, b.length);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }
}
