package org.smoothcert.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.smoothcert.UserError;

class MlpConfigTest {
  private final MlpConfig defaults = MlpConfig.defaults();

  @Test
  void defaultsAreMllibsWithThirtyTwoHiddenUnitsTrainedOnTheFastPath() {
    assertEquals(new MlpConfig(32, Activation.SIGMOID, 0.0, 100, 1e-6, 10, 128, MlpImplementation.FAST), defaults);
    assertTrue(defaults.isMllibsMlp());
  }

  @Test
  void eachInvalidValueIsRejectedNamingItsKey() {
    assertRejected(MlpConfig.HIDDEN, () -> defaults.withHidden(-1));
    assertRejected(MlpConfig.ACTIVATION, () -> defaults.withActivation(null));
    assertRejected(MlpConfig.ACTIVATION, () -> Activation.parse("tanh"));
    assertRejected(MlpConfig.L2, () -> defaults.withL2(-1e-3));
    assertRejected(MlpConfig.L2, () -> defaults.withL2(Double.NaN));
    assertRejected(MlpConfig.L2, () -> defaults.withL2(Double.POSITIVE_INFINITY));
    assertRejected(MlpConfig.MAX_ITER, () -> defaults.withMaxIter(0));
    assertRejected(MlpConfig.TOL, () -> defaults.withTol(-1e-9));
    assertRejected(MlpConfig.TOL, () -> defaults.withTol(Double.NaN));
    assertRejected(MlpConfig.TOL, () -> defaults.withTol(Double.POSITIVE_INFINITY));
    assertRejected(MlpConfig.LBFGS_MEMORY, () -> defaults.withLbfgsMemory(0));
    assertRejected(MlpConfig.BLOCK_SIZE, () -> defaults.withBlockSize(-1));
    assertRejected(MlpConfig.IMPLEMENTATION, () -> defaults.withImplementation(null));
    assertRejected(MlpConfig.IMPLEMENTATION, () -> MlpImplementation.parse("sparse"));
    assertRejected(MlpConfig.IMPLEMENTATION, () -> MlpImplementation.parse("dense"));
  }

  @Test
  void implementationsAreNamedInLowerCase() {
    assertEquals(MlpImplementation.MLLIB, MlpImplementation.parse("mllib"));
    assertEquals(MlpImplementation.FAST, MlpImplementation.parse("fast"));
  }

  @Test
  void boundaryValuesAreAccepted() {
    assertEquals(new MlpConfig(0, Activation.RELU, 0.0, 1, 0.0, 1, 1, MlpImplementation.FAST),
        defaults.withHidden(0).withActivation(Activation.RELU).withMaxIter(1).withTol(0.0)
            .withLbfgsMemory(1).withBlockSize(1));
  }

  @Test
  void onlyTheSigmoidNetworkWithoutDecayIsMllibsOwnMlp() {
    assertFalse(defaults.withActivation(Activation.RELU).isMllibsMlp());
    assertFalse(defaults.withL2(1e-4).isMllibsMlp());
    assertFalse(defaults.withHidden(0).isMllibsMlp());
    assertEquals("MLP H=32 sigmoid", defaults.describe());
    assertEquals("MLP H=64 relu, L2=0.01, 20 it.",
        defaults.withHidden(64).withActivation(Activation.RELU).withL2(0.01).withMaxIter(20).describe());
    assertEquals("logistic regression, tol=1.0E-4", defaults.withHidden(0).withTol(1e-4).describe());
  }

  @Test
  void layersLoseTheHiddenLayerAtZero() {
    assertArrayEquals(new int[] {784, 32, 2}, defaults.layers(784, 2));
    assertArrayEquals(new int[] {784, 10}, defaults.withHidden(0).layers(784, 10));
  }

  private static void assertRejected(String key, Executable build) {
    UserError error = assertThrows(UserError.class, build);
    assertTrue(error.getMessage().startsWith(key + " "), error.getMessage());
  }
}
