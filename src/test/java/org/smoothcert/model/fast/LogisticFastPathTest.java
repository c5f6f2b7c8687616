package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smoothcert.model.TrainedMlp;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.bench.NoisedCopies;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.DataSample;
import org.smoothcert.data.DataSpec;
import org.smoothcert.data.Examples;
import org.smoothcert.data.idx.MnistData;
import org.smoothcert.model.Activation;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.SyntheticExamples;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.model.mllib.MlpNetwork;
import org.smoothcert.smoothing.ClassifierNoise;

/**
 * The logistic-regression fast path gives the bits of the general sparse path: {@link LogisticCost}
 * the value and gradient of {@link SparseMlpCost}, and {@link FlippedLogisticPrediction} from the clean
 * set plus the changes the labels {@link SparsePrediction} gives for the noised copy.
 */
class LogisticFastPathTest {
  private static final Path SHIPPED = Path.of(System.getProperty("smoothcert.basedir", "."), "data", "mnist-1-7");

  private static DataSample mnist() {
    return MnistData.load(DataSpec.paper(SHIPPED.toString(), 0), new Configuration());
  }

  private static void assertSameCost(Examples train, int blockSize, double l2, double[] w, String what) {
    int dim = train.dim();
    int c = train.classes();
    SparseMlpCost general = new SparseMlpCost(new MlpLayout(new int[] {dim, c}, Activation.SIGMOID), l2);
    LogisticCost logistic = new LogisticCost(dim, c, l2);
    general.load(train, blockSize);
    logistic.load(train, blockSize);
    double[] g1 = new double[w.length];
    double[] g2 = new double[w.length];
    double v1 = general.valueAndGradient(w, g1);
    double v2 = logistic.valueAndGradient(w, g2);
    assertEquals(Double.doubleToRawLongBits(v1), Double.doubleToRawLongBits(v2), what + ": value " + v1 + " vs " + v2);
    for (int i = 0; i < w.length; i++) {
      assertEquals(Double.doubleToRawLongBits(g1[i]), Double.doubleToRawLongBits(g2[i]), what + ": gradient " + i);
    }
  }

  @Test
  void logisticCostIsTheSparseCostBitForBit() {
    DataSample sample = mnist();
    NoisedCopies copies = new NoisedCopies(sample.train(), sample.test(), new ClassifierNoise(3, 0.9));
    int[] layers = {784, 2};
    for (long j = 0; j < 4; j++) {
      Examples train = copies.train(j);
      double[] w = new MlpNetwork(layers, Activation.SIGMOID, 1.0).initialWeights(copies.learnerSeed(j));
      for (int blockSize : new int[] {128, 32, 7}) {
        assertSameCost(train, blockSize, 1.0, w, "mnist " + j + " block " + blockSize);
        double[] scaled = w.clone();
        for (int i = 0; i < scaled.length; i++) {
          scaled[i] *= 40 * (i % 3 - 1);
        }
        // Logits far apart: outputs underflow to 0, where 0 * log(0) is NaN in both.
        assertSameCost(train, blockSize, 0.0, scaled, "mnist scaled " + j + " block " + blockSize);
      }
    }
    SyntheticExamples synthetic = new SyntheticExamples(12, 3, 0.3, 0.1, 4);
    for (int domain : new int[] {2, 4}) {
      Examples train = synthetic.draw(40, domain, 9);
      double[] w = new MlpNetwork(new int[] {12, 3}, Activation.SIGMOID, 0.05).initialWeights(5);
      assertSameCost(train, 16, 0.05, w, "synthetic domain " + domain);
      assertSameCost(train, 128, 0.0, w, "synthetic domain " + domain + " one block");
    }
  }

  @Test
  void flippedPredictionGivesTheLabelsOfTheNoisedCopy() {
    DataSample sample = mnist();
    ClassifierNoise noise = new ClassifierNoise(0, 0.9);
    NoisedCopies copies = new NoisedCopies(sample.train(), sample.test(), noise);
    MlpConfig config = RunConfig.defaults().learner();
    assertEquals(0, config.hidden(), "the default learner is logistic regression");
    SparseMlpTrainer trainer = new SparseMlpTrainer(config);
    Examples test = sample.test();
    int[] positions = new int[test.features().length];
    byte[] values = new byte[test.features().length];
    int[] flipped = new int[test.count()];
    int[] dense = new int[test.count()];
    for (long j = 0; j < 40; j++) {
      MlpClassifier classifier = trainer.train(copies.train(j), copies.learnerSeed(j));
      int changes = noise.testChanges(j, test, positions, values);
      classifier.predictFlipped(test.features(), test.count(), positions, values, changes, flipped);
      classifier.predict(copies.test(j).features(), test.count(), dense);
      assertArrayEquals(dense, flipped, "classifier " + j);
    }
    // A network with a hidden layer, and MLlib's own path: the copy is made and predicted.
    for (MlpConfig other : new MlpConfig[] {RunConfig.defaults().with(ConfigKeys.HIDDEN, 8).learner(),
        RunConfig.defaults().with(ConfigKeys.IMPLEMENTATION, org.smoothcert.model.MlpImplementation.MLLIB).learner()}) {
      org.smoothcert.model.MlpTrainer t = new MlpLearner(other).newTrainer();
      for (long j = 0; j < 2; j++) {
        MlpClassifier classifier = t.train(copies.train(j), copies.learnerSeed(j));
        int changes = noise.testChanges(j, test, positions, values);
        classifier.predictFlipped(test.features(), test.count(), positions, values, changes, flipped);
        classifier.predict(copies.test(j).features(), test.count(), dense);
        assertArrayEquals(dense, flipped, other.describe() + ", classifier " + j);
      }
    }
    // Three classes, four levels a feature: the level differences of the changes.
    SyntheticExamples synthetic = new SyntheticExamples(12, 3, 0.3, 0.1, 4);
    Examples train = synthetic.draw(60, 4, 9);
    Examples clean = synthetic.draw(300, 4, 10);
    ClassifierNoise noise4 = new ClassifierNoise(7, 0.7);
    SparseMlpTrainer trainer3 = new SparseMlpTrainer(RunConfig.defaults().with(ConfigKeys.L2, 0.01).learner());
    int[] at = new int[clean.features().length];
    byte[] to = new byte[clean.features().length];
    byte[] copy = new byte[clean.features().length];
    int[] a = new int[clean.count()];
    int[] b = new int[clean.count()];
    for (long j = 0; j < 10; j++) {
      MlpClassifier classifier = trainer3.train(train, j);
      int changes = noise4.testChanges(j, clean, at, to);
      noise4.noiseTest(j, clean, copy);
      classifier.predictFlipped(clean.features(), clean.count(), at, to, changes, a);
      classifier.predict(copy, clean.count(), b);
      assertArrayEquals(b, a, "3 classes, classifier " + j);
    }
  }

  @Test
  void nearTiesGoToTheReferenceArithmetic() {
    SyntheticExamples synthetic = new SyntheticExamples(12, 2, 0.3, 0.1, 4);
    Examples clean = synthetic.draw(200, 2, 3);
    MlpLayout net = new MlpLayout(new int[] {12, 2}, Activation.SIGMOID);
    ClassifierNoise noise = new ClassifierNoise(1, 0.8);
    int[] at = new int[clean.features().length];
    byte[] to = new byte[clean.features().length];
    byte[] copy = new byte[clean.features().length];
    int changes = noise.testChanges(0, clean, at, to);
    noise.noiseTest(0, clean, copy);
    // Equal columns: every logit ties (0 and 1 each point), and a tie is class 0 by MLlib's argmax.
    // Columns 1e-17 apart: the softmax outputs tie although the logits do not.
    for (double gap : new double[] {0.0, 1e-17, 1e-3}) {
      double[] w = new double[net.weightCount()];
      for (int p = 0; p < 12; p++) {
        w[2 * p] = 0.1 * (p % 5);
        w[2 * p + 1] = 0.1 * (p % 5) + (p % 2 == 0 ? gap : -gap);
      }
      FlippedLogisticPrediction.CleanInputs inputs = new FlippedLogisticPrediction.CleanInputs(12);
      int[] a = new int[clean.count()];
      int[] b = new int[clean.count()];
      new FlippedLogisticPrediction(new TrainedMlp(net, w), clean.domains(), inputs)
          .predictFlipped(clean.features(), clean.count(), at, to, changes, a);
      new SparsePrediction(new TrainedMlp(net, w), clean.domains(), new SparseInputs()).predict(copy, 0, clean.count(), b);
      assertArrayEquals(b, a, "gap " + gap);
      if (gap < 1e-12) {
        assertEquals(clean.count(), inputs.fallbacks(), "every point is a near tie at gap " + gap);
      } else {
        assertTrue(inputs.fallbacks() < clean.count(), "gap " + gap);
      }
    }
  }
}
