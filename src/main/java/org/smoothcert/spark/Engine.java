package org.smoothcert.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.data.Examples;
import org.smoothcert.model.Learner;
import org.smoothcert.run.RunDirectory;

/**
 * A started Spark session and what smoothcert runs on it: the tools above the engine use Spark only
 * through this. {@link #close()} stops Spark.
 */
public final class Engine implements AutoCloseable {
  private final SparkSession spark;
  private final JavaSparkContext jsc;

  private Engine(SparkSession spark) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  /** Starts Spark (see {@link SparkSessions#start}). */
  public static Engine start(String master, String appName) {
    return new Engine(SparkSessions.start(master, appName));
  }

  /** The master URL Spark runs on, e.g. {@code local[2]}. */
  public String master() {
    return jsc.master();
  }

  public String sparkVersion() {
    return spark.version();
  }

  /**
   * The votes of classifiers [0, {@code classifiers}) on {@code test}: the slices checkpointed in
   * {@code dir} are reused, the others trained on the executors and checkpointed as they finish.
   *
   * @param slices slices to cut N into, 0 for automatic
   * @param cuts classifier indices no slice may straddle (e.g. the two-sample protocol's n0)
   */
  public CollectedVotes votes(RunDirectory dir, Examples train, Examples test, Learner learner, long seed, double beta,
      int classifiers, int slices, long... cuts) {
    return VoteJob.run(jsc, dir, train, test, learner, seed, beta, classifiers, slices, cuts);
  }

  @Override
  public void close() {
    spark.stop();
  }
}
