package org.smoothcert.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.ACTIVATION;
import static org.smoothcert.config.ConfigKeys.HIDDEN;
import static org.smoothcert.config.ConfigKeys.L2;
import static org.smoothcert.config.ConfigKeys.MAX_ITER;
import static org.smoothcert.config.ConfigKeys.TOL;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;

/** The learner's configuration as read from conf/default.conf and variants of it. */
class MlpConfigTest {
  private final RunConfig h32 = FitLike.config().with(HIDDEN, 32);

  @Test
  void theDefaultLearnerIsLogisticRegressionWithDecayOnTheFastPath() {
    MlpConfig learner = RunConfig.defaults().learner();
    assertFalse(learner.isMllibsMlp());
    assertEquals("logistic regression, L2=1.0", learner.describe());
    assertEquals(MlpImplementation.FAST, learner.implementation());
  }

  @Test
  void mllibsMlpIsAConfigOfItsOwn() {
    Path file = Path.of(System.getProperty("smoothcert.basedir", "."), "conf", "mllib-mlp.conf");
    MlpConfig learner = RunConfig.from(ConfigLoader.load(file.toString(), List.of(), new Configuration())).learner();
    assertTrue(learner.isMllibsMlp());
    assertEquals(64, learner.hidden());
    assertEquals(MlpImplementation.MLLIB, learner.implementation());
  }

  @Test
  void onlyTheSigmoidNetworkWithoutDecayIsMllibsOwnMlp() {
    assertFalse(h32.with(ACTIVATION, Activation.RELU).learner().isMllibsMlp());
    assertFalse(h32.with(L2, 1e-4).learner().isMllibsMlp());
    assertFalse(h32.with(HIDDEN, 0).learner().isMllibsMlp());
    assertEquals("MLP H=32 sigmoid", h32.learner().describe());
    assertEquals("MLP H=64 relu, L2=0.01, 20 it.",
        h32.with(HIDDEN, 64).with(ACTIVATION, Activation.RELU).with(L2, 0.01).with(MAX_ITER, 20).learner().describe());
    assertEquals("logistic regression, tol=1.0E-4", h32.with(HIDDEN, 0).with(TOL, 1e-4).learner().describe());
  }

  @Test
  void layersLoseTheHiddenLayerAtZero() {
    assertArrayEquals(new int[] {784, 32, 2}, h32.learner().layers(784, 2));
    assertArrayEquals(new int[] {784, 10}, h32.with(HIDDEN, 0).learner().layers(784, 10));
  }
}
