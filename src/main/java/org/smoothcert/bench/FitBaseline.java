package org.smoothcert.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.smoothcert.data.Examples;
import org.smoothcert.model.FeatureLevels;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;

/**
 * The baseline the in-task learners are measured against: one {@code MultilayerPerceptronClassifier
 * .fit()} per classifier on its noised training set (one partition, so fit() stacks the blocks the
 * in-task learners stack), with the classifier's seed. Each fit is timed, and its weights are compared
 * with those of in-task trainers on the same set.
 */
public final class FitBaseline {
  private final SparkSession spark;
  private final NoisedCopies copies;
  private final MlpConfig config;
  private final List<MlpTrainer> compared;
  private final double[] maxDifferences;
  private long nanos;
  private int fits;

  public FitBaseline(SparkSession spark, NoisedCopies copies, MlpConfig config, List<MlpTrainer> compared) {
    this.spark = spark;
    this.copies = copies;
    this.config = config;
    this.compared = List.copyOf(compared);
    this.maxDifferences = new double[compared.size()];
  }

  /** Fits classifier {@code j} without recording anything: Spark's first jobs are slow. */
  public void warmUp(long j) {
    Examples train = copies.train(j);
    fit(frame(spark, train), copies.learnerSeed(j), train);
  }

  /** Fits classifier {@code j}, times it, and compares its weights with each trainer's. */
  public void run(long j) {
    Examples train = copies.train(j);
    Dataset<Row> frame = frame(spark, train);
    long start = System.nanoTime();
    double[] weights = fit(frame, copies.learnerSeed(j), train);
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

  private double[] fit(Dataset<Row> frame, long seed, Examples train) {
    return new MultilayerPerceptronClassifier()
        .setLayers(config.layers(train.dim(), train.classes()))
        .setSeed(seed)
        .setMaxIter(config.maxIter())
        .setTol(config.tol())
        .setBlockSize(config.blockSize())
        .fit(frame)
        .weights()
        .toArray();
  }

  /** The examples as fit() reads them: a label and a dense features vector of levels, one partition. */
  public static Dataset<Row> frame(SparkSession spark, Examples examples) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < examples.count(); i++) {
      double[] features = new double[examples.dim()];
      for (int j = 0; j < features.length; j++) {
        features[j] = FeatureLevels.level(examples.feature(i, j), examples.domains().size(j));
      }
      rows.add(RowFactory.create((double) examples.label(i), Vectors.dense(features)));
    }
    StructType schema = new StructType()
        .add("label", DataTypes.DoubleType)
        .add("features", SQLDataTypes.VectorType());
    return spark.createDataFrame(rows, schema).coalesce(1);
  }
}
