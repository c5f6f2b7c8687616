package org.smoothcert.cluster;

import java.nio.file.Path;
import java.util.Map;

/** The SPARK_HOME of Maven jars the cluster tests submit with, made by {@code submit/spark-home}. */
final class SparkHome {
  static final Path DIR = Scripts.TARGET.resolve("spark-home");

  private SparkHome() {}

  /** Makes {@link #DIR} unless it is already complete (the first time takes a minute or more). */
  static Path make(Path logs) throws Exception {
    Scripts.Finished home = Scripts.run(logs, "spark-home", Map.of(), 600, "spark-home", DIR.toString());
    if (home.status() != 0) {
      throw new IllegalStateException("submit/spark-home failed: " + home.err());
    }
    return DIR;
  }
}
