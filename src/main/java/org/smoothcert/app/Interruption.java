package org.smoothcert.app;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import sun.misc.Signal;

/**
 * SIGTERM and Ctrl-C (SIGINT) during a job: one line saying how far the work got and that the same
 * command resumes, then the exit status the shell expects (128 + the signal's number: 143, 130). The JVM's
 * shutdown hooks still run (Spark stops; every finished slice is already checkpointed, written under a
 * temporary name and renamed), but what fails while Spark stops under the job is not reported: not the
 * job's exception (see {@link #stopping}), not the errors Spark logs while it is taken down.
 */
final class Interruption {
  private static volatile String signal;

  private Interruption() {}

  /**
   * From now on TERM and INT end the program with the line {@code what} supplies (read at that moment,
   * e.g. the classifiers checkpointed so far), printed to {@code err}.
   */
  static void install(PrintStream err, Supplier<String> what) {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), s -> stop(s, err, what));
    }
  }

  /** Whether the program is ending because of a signal: its job's failure is then no error to report. */
  static boolean stopping() {
    return signal != null;
  }

  private static synchronized void stop(Signal s, PrintStream err, Supplier<String> what) {
    if (signal != null) {
      return;
    }
    signal = "SIG" + s.getName();
    LoggerContext logging = (LoggerContext) LogManager.getContext(false);
    logging.getConfiguration().getRootLogger().setLevel(Level.OFF);
    logging.getConfiguration().getLoggers().values().forEach(logger -> logger.setLevel(Level.OFF));
    logging.updateLoggers();
    String line;
    try {
      line = what.get();
    } catch (RuntimeException e) {
      line = "the finished slices are kept in the run directory";
    }
    err.println("smoothcert: stopped by " + signal + "; " + line + "; run the same command again to resume");
    err.flush();
    // Threads that fail while Spark is taken down under them (task threads, the lock's refresher) would
    // print their stack traces after this line: nothing more is printed once it is said.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> { });
    System.setErr(new PrintStream(OutputStream.nullOutputStream()));
    Runtime.getRuntime().exit(128 + s.getNumber());
  }
}
