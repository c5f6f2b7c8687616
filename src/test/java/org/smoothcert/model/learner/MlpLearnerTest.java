package org.smoothcert.model.learner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.HIDDEN;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import org.apache.spark.ml.ann.TopologyModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.Activation;
import org.smoothcert.model.FeatureLevels;
import org.smoothcert.model.FitLike;
import org.smoothcert.model.Learner;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.SyntheticExamples;
import org.smoothcert.model.mllib.MlpNetwork;

class MlpLearnerTest {
  private static final SyntheticExamples DIGITS = new SyntheticExamples(784, 2, 0.1, 0.03, 7);
  private final MlpLearner learner = new MlpLearner(FitLike.config().with(HIDDEN, 32).learner());

  @Test
  void learnsSeparableBinarizedData() {
    MlpClassifier classifier = learner.train(DIGITS.draw(100, 1), 42);
    assertTrue(SyntheticExamples.accuracy(classifier, DIGITS.draw(1000, 2)) >= 0.98);
    assertTrue(classifier.iterations() >= 1 && classifier.iterations() <= 100);
    assertTrue(classifier.costEvaluations() > classifier.iterations());
  }

  @Test
  void learnsThreeClassesOverAWiderDomain() {
    SyntheticExamples data = new SyntheticExamples(100, 3, 0.3, 0.05, 11);
    MlpClassifier classifier =
        new MlpLearner(FitLike.config().with(HIDDEN, 16).learner()).train(data.draw(150, 4, 1), 3);
    assertEquals(3, classifier.classes());
    assertTrue(SyntheticExamples.accuracy(classifier, data.draw(600, 4, 2)) >= 0.95);
  }

  @Test
  void sameSeedGivesIdenticalWeights() {
    Examples train = DIGITS.draw(100, 3);
    double[] first = learner.train(train, 5).weights();
    assertArrayEquals(first, learner.train(train, 5).weights());
    assertFalse(Arrays.equals(first, learner.train(train, 6).weights()));
  }

  @Test
  void aReusedTrainerCarriesNothingFromOneModelToTheNext() {
    Examples train = DIGITS.draw(100, 4);
    double[] fresh = learner.train(train, 9).weights();
    MlpTrainer trainer = learner.newTrainer();
    trainer.train(DIGITS.draw(300, 5), 1);
    trainer.train(new SyntheticExamples(50, 3, 0.2, 0.05, 1).draw(90, 6), 2);
    assertArrayEquals(fresh, trainer.train(train, 9).weights());
  }

  @Test
  void batchedPredictionsEqualMllibsOneAtATime() {
    MlpClassifier classifier = learner.train(DIGITS.draw(100, 7), 1);
    Examples test = new SyntheticExamples(784, 2, 0.1, 0.5, 8).draw(2 * MlpClassifier.MAX_BATCH + 17, 9);
    int[] batched = new int[test.count()];
    classifier.predict(test.features(), test.count(), batched);
    TopologyModel mllib = new MlpNetwork(classifier.layers(), Activation.SIGMOID, 0.0).model(classifier.weights());
    for (int i = 0; i < test.count(); i++) {
      assertEquals(mllib.predict(row(test, i)).argmax(), batched[i], "example " + i);
    }
  }

  @Test
  void rejectsFeaturesOutsideTheTrainedDomainAndShortArrays() {
    MlpClassifier classifier = learner.train(DIGITS.draw(100, 10), 1);
    byte[] features = new byte[784];
    features[3] = 2;
    assertThrows(IllegalArgumentException.class, () -> classifier.predict(features, 1, new int[1]));
    assertThrows(IllegalArgumentException.class, () -> classifier.predict(new byte[784], 2, new int[2]));
    assertThrows(IllegalArgumentException.class, () -> classifier.predict(new byte[784], 1, new int[0]));
  }

  @Test
  void rejectsLabelsOutsideTheClasses() {
    Examples bad = new Examples(2, 3, 2, 2, new byte[6], new byte[] {0, 2});
    assertThrows(IllegalArgumentException.class, () -> learner.train(bad, 1));
  }

  @Test
  void theLearnerSurvivesJavaSerialization() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(learner);
    }
    Learner copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Learner) in.readObject();
    }
    Examples train = DIGITS.draw(100, 11);
    assertArrayEquals(learner.train(train, 3).weights(), ((MlpClassifier) copy.train(train, 3)).weights());
  }

  private static Vector row(Examples examples, int i) {
    double[] values = new double[examples.dim()];
    for (int j = 0; j < values.length; j++) {
      values[j] = FeatureLevels.level(examples.feature(i, j), examples.domains().size(j));
    }
    return Vectors.dense(values);
  }
}
