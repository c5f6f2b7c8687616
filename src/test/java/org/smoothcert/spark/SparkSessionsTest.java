package org.smoothcert.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
