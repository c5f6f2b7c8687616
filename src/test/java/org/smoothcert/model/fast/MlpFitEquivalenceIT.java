package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.BLOCK_SIZE;
import static org.smoothcert.config.ConfigKeys.HIDDEN;
import static org.smoothcert.config.ConfigKeys.IMPLEMENTATION;
import static org.smoothcert.config.ConfigKeys.MAX_ITER;
import static org.smoothcert.config.ConfigKeys.TOL;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.bench.Bench;
import org.smoothcert.config.RunConfig;
import org.smoothcert.data.Examples;
import org.smoothcert.model.Classifier;
import org.smoothcert.model.FitLike;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpImplementation;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.SyntheticExamples;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.model.mllib.MllibCost;
import org.smoothcert.model.mllib.SparkModels;
import org.smoothcert.spark.MllibFit;

/**
 * Proves that the in-task learners train MLlib's multilayer perceptron and not a look-alike: for the
 * same data, layers, seed and parameters, the {@code mllib} path's weights equal
 * {@code MultilayerPerceptronClassifier.fit()}'s bit for bit, the {@code fast} path's up to rounding,
 * and both predict fit()'s labels. So do the mixed pairs of cost and L-BFGS that only bench runs (each
 * path's cost under the other path's L-BFGS), which shows each half of the fast path on its own.
 */
class MlpFitEquivalenceIT {
  private static final double FAST_WEIGHT_TOLERANCE = 1e-9;
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[1]").appName("MlpFitEquivalenceIT")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void binaryImagesInOneBlock() {
    SyntheticExamples data = new SyntheticExamples(784, 2, 0.1, 0.03, 1);
    assertSameAsFit(FitLike.config().with(HIDDEN, 32), data.draw(100, 1), data.draw(500, 2), 17);
  }

  @Test
  void threeClasses() {
    SyntheticExamples data = new SyntheticExamples(50, 3, 0.3, 0.1, 2);
    assertSameAsFit(FitLike.config().with(HIDDEN, 8), data.draw(100, 3), data.draw(500, 4), 5);
  }

  @Test
  void severalBlocksAreAveragedAsFitAveragesThem() {
    SyntheticExamples data = new SyntheticExamples(100, 2, 0.2, 0.15, 3);
    assertSameAsFit(FitLike.config().with(HIDDEN, 16), data.draw(300, 5), data.draw(500, 6), 23);
  }

  @Test
  void aSmallBlockSizeAndAWiderFeatureDomain() {
    SyntheticExamples data = new SyntheticExamples(60, 2, 0.3, 0.1, 4);
    RunConfig config = FitLike.config().with(HIDDEN, 8).with(BLOCK_SIZE, 32).with(MAX_ITER, 40).with(TOL, 1e-5);
    assertSameAsFit(config, data.draw(100, 4, 7), data.draw(500, 4, 8), 31);
  }

  @Test
  void theSparkModelPredictsAsTheLearnerAndSurvivesSaveAndLoad(@TempDir Path dir) throws Exception {
    SyntheticExamples data = new SyntheticExamples(784, 2, 0.1, 0.03, 5);
    Examples test = data.draw(500, 2);
    MlpConfig h32 = FitLike.config().with(HIDDEN, 32).learner();
    MlpClassifier classifier = new MlpLearner(h32).train(data.draw(100, 1), 3);
    MultilayerPerceptronClassificationModel sparkModel = SparkModels.of(classifier, "mlpc_in_task");
    assertArrayEquals(classifier.layers(), sparkModel.getLayers());
    assertArrayEquals(predictions(classifier, test), sparkPredictions(sparkModel, test));

    Path saved = dir.resolve("model");
    sparkModel.write().save(saved.toString());
    assertTrue(Files.isDirectory(saved));
    MultilayerPerceptronClassificationModel loaded =
        MultilayerPerceptronClassificationModel.load(saved.toString());
    assertArrayEquals(classifier.weights(), loaded.weights().toArray());
    assertArrayEquals(predictions(classifier, test), sparkPredictions(loaded, test));
  }

  private static void assertSameAsFit(RunConfig variant, Examples train, Examples test, long seed) {
    MlpConfig config = variant.learner();
    MultilayerPerceptronClassificationModel fitted = new MultilayerPerceptronClassifier()
        .setLayers(config.layers(train.dim(), train.classes()))
        .setSeed(seed)
        .setMaxIter(config.maxIter())
        .setTol(config.tol())
        .setBlockSize(config.blockSize())
        .fit(frame(train));
    double[] expected = fitted.weights().toArray();
    int[] expectedLabels = sparkPredictions(fitted, test);
    Map<String, MlpTrainer> trainers = new LinkedHashMap<>();
    trainers.put("mllib", new MlpLearner(variant.with(IMPLEMENTATION, MlpImplementation.MLLIB).learner()).newTrainer());
    trainers.put("fast", new MlpLearner(variant.with(IMPLEMENTATION, MlpImplementation.FAST).learner()).newTrainer());
    trainers.put("sparse cost + Breeze's L-BFGS", Bench.sparseBreeze(config));
    MllibCost mllibCost = new MllibCost(config);
    ArrayLbfgs arrays = new ArrayLbfgs(config);
    trainers.put("MLlib's cost + array L-BFGS", (t, s) -> mllibCost.train(arrays, t, s));
    for (Map.Entry<String, MlpTrainer> trainer : trainers.entrySet()) {
      String what = trainer.getKey();
      MlpClassifier inTask = trainer.getValue().train(train, seed);
      double maxDifference = SparseMlpTrainerTest.maxDifference(expected, inTask.weights());
      System.out.printf("%s, %s: %d weights, max |difference| %.3g, %d iterations, %d cost evaluations%n",
          train, what, expected.length, maxDifference, inTask.iterations(), inTask.costEvaluations());
      // Only MLlib's own cost under Breeze's own L-BFGS object is bit for bit; the others round differently.
      assertEquals(0.0, maxDifference, what.equals("mllib") ? 0.0 : FAST_WEIGHT_TOLERANCE, what);
      assertArrayEquals(expectedLabels, predictions(inTask, test), what);
    }
  }

  private static int[] predictions(Classifier classifier, Examples test) {
    int[] labels = new int[test.count()];
    classifier.predict(test.features(), test.count(), labels);
    return labels;
  }

  private static int[] sparkPredictions(MultilayerPerceptronClassificationModel model, Examples test) {
    List<Row> rows = model.transform(frame(test)).select("prediction").collectAsList();
    int[] labels = new int[rows.size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (int) rows.get(i).getDouble(0);
    }
    return labels;
  }

  /** One partition, rows in example order: fit() then stacks blocks exactly as the learner does. */
  private static Dataset<Row> frame(Examples examples) {
    Dataset<Row> frame = MllibFit.frame(spark, examples);
    assertEquals(1, frame.rdd().getNumPartitions());
    return frame;
  }
}
