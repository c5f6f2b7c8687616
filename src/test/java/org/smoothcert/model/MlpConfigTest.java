package org.smoothcert.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.smoothcert.UserError;

class MlpConfigTest {
  private final MlpConfig defaults = MlpConfig.defaults();

  @Test
  void defaultsAreMllibsWithThirtyTwoHiddenUnits() {
    assertEquals(new MlpConfig(32, 100, 1e-6, 10, 128), defaults);
  }

  @Test
  void eachInvalidValueIsRejectedNamingItsKey() {
    assertRejected(MlpConfig.HIDDEN, () -> defaults.withHidden(0));
    assertRejected(MlpConfig.MAX_ITER, () -> defaults.withMaxIter(0));
    assertRejected(MlpConfig.TOL, () -> defaults.withTol(-1e-9));
    assertRejected(MlpConfig.TOL, () -> defaults.withTol(Double.NaN));
    assertRejected(MlpConfig.TOL, () -> defaults.withTol(Double.POSITIVE_INFINITY));
    assertRejected(MlpConfig.LBFGS_MEMORY, () -> defaults.withLbfgsMemory(0));
    assertRejected(MlpConfig.BLOCK_SIZE, () -> defaults.withBlockSize(-1));
  }

  @Test
  void boundaryValuesAreAccepted() {
    assertEquals(new MlpConfig(1, 1, 0.0, 1, 1),
        defaults.withHidden(1).withMaxIter(1).withTol(0.0).withLbfgsMemory(1).withBlockSize(1));
  }

  private static void assertRejected(String key, Executable build) {
    UserError error = assertThrows(UserError.class, build);
    assertTrue(error.getMessage().startsWith(key + " "), error.getMessage());
  }
}
