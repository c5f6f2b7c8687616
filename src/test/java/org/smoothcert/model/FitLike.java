package org.smoothcert.model;

import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;

/**
 * The learner settings of MultilayerPerceptronClassifier.fit() (sigmoid, no weight decay, maxIter 100,
 * tol 1e-6, blockSize 128) on the default config's other keys: what the learner tests compare against
 * MLlib, whatever learner the default config chooses. Tests set the hidden size they need on top.
 */
public final class FitLike {
  private FitLike() {}

  public static RunConfig config() {
    return RunConfig.defaults().with(ConfigKeys.L2, 0.0).with(ConfigKeys.ACTIVATION, Activation.SIGMOID)
        .with(ConfigKeys.MAX_ITER, 100).with(ConfigKeys.TOL, 1e-6).with(ConfigKeys.BLOCK_SIZE, 128);
  }
}
