package org.smoothcert.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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

/**
 * MLlib's own {@code MultilayerPerceptronClassifier.fit()} on a {@code local[1]} session of its own: the
 * baseline {@code smoothcert bench} times the in-task learners against ({@code bench.FitBaseline}). Closing
 * it stops the session.
 */
public final class MllibFit implements AutoCloseable {
  private final SparkSession spark;

  private MllibFit(SparkSession spark) {
    this.spark = spark;
  }

  /** Starts the session, one thread. */
  public static MllibFit start() {
    return new MllibFit(SparkSessions.start("local[1]", "smoothcert bench"));
  }

  /**
   * fit() of {@code config}'s network on {@code train} with {@code seed}: the data frame is built now, the
   * returned call fits it and returns the weights.
   */
  public Supplier<double[]> prepare(MlpConfig config, Examples train, long seed) {
    Dataset<Row> frame = frame(spark, train);
    return () -> new MultilayerPerceptronClassifier()
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

  @Override
  public void close() {
    spark.stop();
  }
}
