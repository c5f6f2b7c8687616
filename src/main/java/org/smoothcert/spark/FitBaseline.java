package org.smoothcert.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smoothcert.bench.Agreement;
import org.smoothcert.bench.NoisedCopies;
import org.smoothcert.data.Examples;
import org.smoothcert.model.FeatureLevels;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;

/**
 * The baseline the in-task learners are measured against: one {@code MultilayerPerceptronClassifier
 * .fit()} per classifier on its noised training set (one partition, so fit() stacks the blocks the
 * in-task learners stack), with the classifier's seed; and how far an in-task trainer's weights are
 * from fit()'s on the same sets.
 *
 * @param msPerFit wall time of one fit(), after one unmeasured warm-up fit
 * @param maxWeightDifference largest |weight difference| between fit() and the trainer compared
 */
public record FitBaseline(int fits, double msPerFit, double maxWeightDifference) {
  public static FitBaseline measure(SparkSession spark, NoisedCopies copies, MlpConfig config, int fits,
      MlpTrainer compared) {
    fit(spark, copies.train(fits), copies.learnerSeed(fits), config);
    long nanos = 0;
    double max = 0;
    for (long j = 0; j < fits; j++) {
      Examples train = copies.train(j);
      Dataset<Row> frame = frame(spark, train);
      long t0 = System.nanoTime();
      MultilayerPerceptronClassificationModel model = fit(frame, copies.learnerSeed(j), config, train);
      nanos += System.nanoTime() - t0;
      double[] inTask = compared.train(train, copies.learnerSeed(j)).weights();
      max = Math.max(max, Agreement.maxDifference(model.weights().toArray(), inTask));
    }
    return new FitBaseline(fits, nanos / 1e6 / fits, max);
  }

  private static void fit(SparkSession spark, Examples train, long seed, MlpConfig config) {
    fit(frame(spark, train), seed, config, train);
  }

  private static MultilayerPerceptronClassificationModel fit(
      Dataset<Row> frame, long seed, MlpConfig config, Examples train) {
    return new MultilayerPerceptronClassifier()
        .setLayers(new int[] {train.dim(), config.hidden(), train.classes()})
        .setSeed(seed)
        .setMaxIter(config.maxIter())
        .setTol(config.tol())
        .setBlockSize(config.blockSize())
        .fit(frame);
  }

  /** The examples as fit() reads them: a label and a dense features vector of levels, one partition. */
  public static Dataset<Row> frame(SparkSession spark, Examples examples) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < examples.count(); i++) {
      double[] features = new double[examples.dim()];
      for (int j = 0; j < features.length; j++) {
        features[j] = FeatureLevels.level(examples.feature(i, j), examples.featureDomain());
      }
      rows.add(RowFactory.create((double) examples.label(i), Vectors.dense(features)));
    }
    StructType schema = new StructType()
        .add("label", DataTypes.DoubleType)
        .add("features", SQLDataTypes.VectorType());
    return spark.createDataFrame(rows, schema).coalesce(1);
  }
}
