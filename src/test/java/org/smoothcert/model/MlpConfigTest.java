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
  void defaultsAreMllibsWithThirtyTwoHiddenUnitsTrainedOverSparseInputs() {
    assertEquals(new MlpConfig(32, 100, 1e-6, 10, 128, MlpImplementation.SPARSE), defaults);
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
    assertRejected(MlpConfig.IMPLEMENTATION, () -> defaults.withImplementation(null));
    assertRejected(MlpConfig.IMPLEMENTATION, () -> MlpImplementation.parse("fast"));
  }

  @Test
  void implementationsAreNamedInLowerCase() {
    assertEquals(MlpImplementation.MLLIB, MlpImplementation.parse("mllib"));
    assertEquals(MlpImplementation.SPARSE, MlpImplementation.parse(MlpImplementation.SPARSE.key()));
  }

  @Test
  void boundaryValuesAreAccepted() {
    assertEquals(new MlpConfig(1, 1, 0.0, 1, 1, MlpImplementation.SPARSE),
        defaults.withHidden(1).withMaxIter(1).withTol(0.0).withLbfgsMemory(1).withBlockSize(1));
  }

  private static void assertRejected(String key, Executable build) {
    UserError error = assertThrows(UserError.class, build);
    assertTrue(error.getMessage().startsWith(key + " "), error.getMessage());
  }
}
