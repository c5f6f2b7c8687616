package org.smoothcert.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
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
   * The votes of the plan's N classifiers: the slices checkpointed in {@code dir} are reused, the others
   * trained on the executors and checkpointed as they finish.
   */
  public CollectedVotes votes(RunDirectory dir, VotePlan plan) {
    return VoteJob.run(jsc, dir, plan);
  }

  @Override
  public void close() {
    spark.stop();
  }
}
