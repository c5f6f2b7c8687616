package org.smoothcert.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smoothcert.UserError;

class SparkSessionsTest {
  @ParameterizedTest
  @ValueSource(strings = {"local", "local[1]", "local[*]", "local[4,2]", "local-cluster[2, 1, 1024]",
      "spark://127.0.0.1:7077", "spark://a:7077,b:7077", "yarn", "k8s://https://127.0.0.1:6443"})
  void acceptsWhatSparkAccepts(String master) {
    assertEquals(master, SparkSessions.checkMaster(master));
  }

  @ParameterizedTest
  @ValueSource(strings = {"bogus://x", "local[0]", "local[x]", "Local", "spark:/x", "yarn-cluster", ""})
  void refusesAnythingElseInOneLine(String master) {
    UserError e = assertThrows(UserError.class, () -> SparkSessions.checkMaster(master));
    assertTrue(e.getMessage().startsWith("master '" + master + "' is not a Spark master URL"), e.getMessage());
  }

  @Test
  void aStandaloneMasterThatCannotBeReachedIsRefusedAtOnceInOneLine() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String master = "spark://127.0.0.1:" + port;
    UserError e = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> assertThrows(UserError.class, () -> SparkSessions.start(master, "unreachable")));
    assertEquals("cannot reach the Spark master " + master + ": 127.0.0.1:" + port + " refuses connections; is the"
        + " master running there?", e.getMessage());
  }
}
