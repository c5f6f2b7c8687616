package org.smoothcert.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.HIDDEN;
import static org.smoothcert.config.ConfigKeys.MAX_ITER;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.smoothcert.certify.Certificate;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.FitLike;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.SyntheticExamples;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.smoothing.ClassifierNoise;

/** The adaptive search on a small synthetic problem: targets, surrogates, pixel paths, label ladders. */
class AdaptiveSearchTest {
  private static final SyntheticExamples DATA = new SyntheticExamples(36, 2, 0.3, 0.05, 7);
  private static final Examples TRAIN = DATA.draw(40, 1);
  private static final Examples TEST = DATA.draw(12, 2);
  private static final MlpLearner LEARNER = new MlpLearner(FitLike.config().with(HIDDEN, 4).with(MAX_ITER, 20)
      .learner());
  /** The default learner: logistic regression (no hidden layer) with L2 decay. */
  private static final MlpLearner LOGISTIC = new MlpLearner(RunConfig.defaults().learner());

  static Stream<MlpLearner> learners() {
    return Stream.of(LEARNER, LOGISTIC);
  }

  private static Certificate certified(int label, long votes, int radius) {
    return new Certificate(label, radius, new Certificate.TopClass(label, votes), new Certificate.Bounds(0.9, 0.1));
  }

  @Test
  void targetsAreTheCertifiedPointsWithTheFewestVotesAtEachRadius() {
    Certificate[] clean = {certified(0, 990, 1), certified(1, 600, 0), new Certificate(-1, -1, new Certificate.TopClass(0, 500), new Certificate.Bounds(0.4, 0.6)),
        certified(1, 970, 1), certified(0, 550, 0), certified(0, 999, 2), certified(1, 970, 1)};
    List<AdaptiveSearch.Target> targets = AdaptiveSearch.targets(clean, 2, 3);
    assertEquals(List.of(1, 3, 4, 5, 6), targets.stream().map(AdaptiveSearch.Target::point).toList(),
        "radius 0: 4 and 1; radius 1: 3 and 6 (970 votes each, before 0's 990); radius 2: 5; never the abstention");
    AdaptiveSearch.Target five = targets.get(3);
    assertEquals(2, five.radius());
    assertEquals(5, five.largestBudget(), "radius + beyond");
  }

  @ParameterizedTest
  @MethodSource("learners")
  void theSurrogateVotesAsItsNetworksPredictOnTheirNoisedCopies(MlpLearner learner) {
    Surrogate surrogate = Surrogate.train(TRAIN, learner, 11, 0.9, 12);
    ClassifierNoise noise = new ClassifierNoise(11, 0.9);
    byte[] features = new byte[TRAIN.features().length];
    byte[] labels = new byte[TRAIN.count()];
    for (int j = 0; j < surrogate.size(); j++) {
      noise.noiseTrain(j, TRAIN, features, labels);
      MlpClassifier net = learner.train(new Examples(TRAIN.count(), TRAIN.dim(), TRAIN.domains().uniform(),
          TRAIN.classes(), features, labels), noise.learnerSeed(j));
      for (int i = 0; i < TEST.count(); i++) {
        byte[] image = image(i);
        int[] predicted = new int[1];
        net.predict(surrogate.noised(j, image), 1, predicted);
        assertEquals(predicted[0] == 1, PixelSearch.votes(surrogate, image, 1)[j], "point " + i + ", network " + j);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("learners")
  void thePixelPathChangesOneNewPixelPerStepAndLowersTheSurrogatesVote(MlpLearner learner) {
    Surrogate surrogate = Surrogate.train(TRAIN, learner, 11, 0.9, 40);
    byte[] image = image(0);
    int top = TEST.label(0);
    PixelSearch.Path path = PixelSearch.attack(surrogate, image, top, 6);
    assertEquals(6, path.images().size());
    for (int k = 0; k < 6; k++) {
      assertEquals(k + 1, differences(image, path.images().get(k)), "step " + (k + 1));
    }
    assertEquals(Surrogate.share(PixelSearch.votes(surrogate, image, top)), path.shares()[0]);
    assertEquals(Surrogate.share(PixelSearch.votes(surrogate, path.images().get(5), top)), path.shares()[6], 1e-12,
        "each share is the surrogate's vote on that image");
    assertTrue(path.shares()[6] < path.shares()[0], Arrays.toString(path.shares()));
    assertArrayEquals(path.images().get(5), PixelSearch.attack(surrogate, image, top, 6).images().get(5),
        "the search is deterministic");
  }

  @Test
  void onLogisticRegressionEachStepTakesTheMostVotesOfAnyPixel() {
    Surrogate surrogate = Surrogate.train(TRAIN, LOGISTIC, 11, 0.9, 40);
    for (int i = 0; i < TEST.count(); i++) {
      byte[] image = image(i);
      int top = TEST.label(i);
      double fewest = 1;
      for (int p = 0; p < TEST.dim(); p++) {
        byte[] flipped = image.clone();
        flipped[p] = (byte) (1 - flipped[p]);
        fewest = Math.min(fewest, Surrogate.share(PixelSearch.votes(surrogate, flipped, top)));
      }
      assertEquals(fewest, PixelSearch.attack(surrogate, image, top, 1).shares()[1], "point " + i);
    }
  }

  @Test
  void labelChangesEstimateTheShareFromTheNetworksWhoseNoiseChangedTheLabel() {
    Surrogate surrogate = Surrogate.train(TRAIN, LEARNER, 11, 0.9, 40);
    byte[] image = image(0);
    boolean[] votes = PixelSearch.votes(surrogate, image, TEST.label(0));
    double[][] after = surrogate.labelChanges(TRAIN, votes);
    for (int k = 0; k < TRAIN.count(); k++) {
      assertEquals(Surrogate.share(votes), after[k][TRAIN.label(k)], "keeping the label changes nothing");
      assertTrue(after[k][1 - TRAIN.label(k)] >= 0 && after[k][1 - TRAIN.label(k)] <= 1);
    }
  }

  @Test
  void eachLadderStepChangesOneMoreLabelOfTheTrainingSet() {
    Certificate[] clean = new Certificate[TEST.count()];
    for (int i = 0; i < clean.length; i++) {
      clean[i] = certified(TEST.label(i), 900, i % 2);
    }
    List<AdaptiveSearch.Target> targets = AdaptiveSearch.targets(clean, 2, 2);
    AdaptiveSearch search = new AdaptiveSearch(TRAIN, TEST, LEARNER, 0.9, new AdaptiveSearch.Settings(2,
        new AdaptiveSearch.Surrogates(30, 5), new AdaptiveSearch.Budgets(1, 2)),
        c -> "d" + c);
    List<AdaptiveSearch.Level> levels = search.levels(clean, targets);
    AdaptiveSearch.Level clean0 = levels.get(0);
    assertEquals("pixels", clean0.name());
    assertEquals(TEST.count() * 2 + targets.stream().mapToInt(t -> t.largestBudget() - 1).sum(), clean0.rows().size(),
        "a clean copy and 1 pixel of every point, and the targets' longer paths");
    for (AdaptiveSearch.Level level : levels.subList(1, levels.size())) {
      assertEquals(level.flips(), AttackCost.between(TRAIN, level.train(), TEST, TEST).trainingLabels(), level.name());
      assertTrue(level.name().startsWith("flips-d" + level.flipClass() + "-"), level.name());
      int[] steps = new int[TEST.count()];
      for (int i = 0; i < steps.length; i++) {
        steps[i] = clean[i].label() == level.flipClass() ? 2 - level.flips() : 0;
      }
      targets.stream().filter(t -> t.cleanClass() == level.flipClass())
          .forEach(t -> steps[t.point()] = t.largestBudget() - level.flips());
      assertEquals(Arrays.stream(steps).sum(), level.rows().stream().filter(r -> r.pixels() > 0).count(),
          level.name() + ": each target's path to its largest budget, every other point of the class its path to 2");
    }
  }

  private static byte[] image(int point) {
    return Arrays.copyOfRange(TEST.features(), point * TEST.dim(), (point + 1) * TEST.dim());
  }

  private static int differences(byte[] a, byte[] b) {
    int n = 0;
    for (int k = 0; k < a.length; k++) {
      n += a[k] != b[k] ? 1 : 0;
    }
    return n;
  }
}
