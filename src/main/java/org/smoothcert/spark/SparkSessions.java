package org.smoothcert.spark;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;
import org.smoothcert.UserError;
import scala.Option;

/**
 * Creates the Spark sessions, all of them: the run's, and a local one for reading a table through
 * Spark's own readers ({@link #withReadingSession}; only the reference readers of {@code spark.tables}
 * use it: a run reads its table without Spark). Under spark-submit the master and settings come from it; run
 * directly, {@code --master} (default {@code local[*]}) decides. Only what this job needs is set here;
 * cluster tuning lives in {@code conf/spark-defaults.conf}.
 */
public final class SparkSessions {
  /**
   * The master URLs Spark 4 accepts (SparkContext.createTaskScheduler): checked before Spark starts, so a
   * typo is one line instead of the stack trace SparkContext logs while it fails.
   */
  private static final Pattern MASTER = Pattern.compile("local|local\\[(\\*|[1-9]\\d*)(,[1-9]\\d*)?]"
      + "|local-cluster\\[[1-9]\\d*, *[1-9]\\d*, *[1-9]\\d*]|spark://[^\\s/]+|yarn|k8s://\\S+");

  private static final String STANDALONE = "spark://";
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private SparkSessions() {}

  /** Refuses a master URL Spark would not accept, naming the forms it does. */
  static String checkMaster(String master) {
    if (!MASTER.matcher(master).matches()) {
      throw new UserError("master '" + master + "' is not a Spark master URL (local, local[N], local[*],"
          + " spark://HOST:PORT, yarn or k8s://HOST:PORT)");
    }
    return master;
  }

  /**
   * Refuses a standalone master none of whose hosts takes a connection, at once and in one line (Spark
   * itself retries for over a minute and logs each failure).
   */
  static void requireReachable(String master) {
    if (!master.startsWith(STANDALONE)) {
      return;
    }
    String last = "";
    for (String hostPort : master.substring(STANDALONE.length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port;
      try {
        port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new UserError("master '" + master + "': '" + hostPort + "' is not HOST:PORT");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        return;
      } catch (ConnectException e) {
        last = host + ":" + port + " refuses connections";
      } catch (UnknownHostException | IllegalArgumentException e) {
        last = "unknown host " + host;
      } catch (IOException e) {
        last = host + ":" + port + " does not answer (" + e.getMessage() + ")";
      }
    }
    throw new UserError("cannot reach the Spark master " + master + ": " + last + "; is the master running there?");
  }

  public static SparkSession start(String master, String appName) {
    SparkConf conf = new SparkConf(true).setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    checkMaster(conf.get("spark.master"));
    requireReachable(conf.get("spark.master"));
    // One thread per task for native BLAS: each task trains its own small models.
    conf.setIfMissing("spark.executorEnv.OPENBLAS_NUM_THREADS", "1");
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
    }
    try {
      return SparkSession.builder().config(conf).getOrCreate();
    } catch (Exception e) {
      // Scala declares no checked exceptions: a SparkException (e.g. a master URL it cannot parse) is
      // caught as Exception. It is the user's setting, so it is reported as one line.
      if (e instanceof SparkException) {
        throw new UserError("cannot start Spark with master " + conf.get("spark.master") + ": "
            + e.getMessage().lines().findFirst().orElse(""), e);
      }
      throw e;
    }
  }

  /**
   * Runs {@code work} on the active Spark session, or on a local one of the driver's, started for it and
   * stopped after: for reading a table through Spark's own readers, the reference ({@code spark.tables}).
   */
  public static <T> T withReadingSession(Function<SparkSession, T> work) {
    Option<SparkSession> active = SparkSession.getActiveSession();
    boolean reuse = active.isDefined() && !active.get().sparkContext().isStopped();
    SparkSession spark = reuse ? active.get() : SparkSession.builder().config(readingConf()).getOrCreate();
    try {
      return work.apply(spark);
    } finally {
      if (!reuse) {
        spark.stop();
      }
    }
  }

  private static SparkConf readingConf() {
    SparkConf conf = new SparkConf(true).setAppName("smoothcert: reading the data").setMaster("local[*]")
        .set("spark.submit.deployMode", "client").set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false").set("spark.sql.debug.maxToStringFields", "100000");
    conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    conf.setIfMissing("spark.driver.host", "127.0.0.1");
    return conf;
  }
}
