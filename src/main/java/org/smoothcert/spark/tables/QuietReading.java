package org.smoothcert.spark.tables;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * While a table is read, Spark's own reports of a failed read task (a stack trace per attempt) are
 * turned off: the fault is the user's file, and it is said in one line by the reader. The levels are
 * put back afterwards, so a failing task while training is logged as before.
 */
final class QuietReading implements AutoCloseable {
  private static final List<String> LOGGERS = List.of("org.apache.spark.executor.Executor",
      "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.ml.source.libsvm.LibSVMFileFormat");

  private final Map<String, Level> before = new LinkedHashMap<>();

  QuietReading() {
    for (String name : LOGGERS) {
      before.put(name, LogManager.getLogger(name).getLevel());
      Configurator.setLevel(name, Level.OFF);
    }
  }

  @Override
  public void close() {
    before.forEach(Configurator::setLevel);
  }
}
