package org.smoothcert.model.learner;

import org.smoothcert.data.Examples;
import org.smoothcert.model.Learner;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.fast.SparseMlpTrainer;
import org.smoothcert.model.mllib.MllibMlpTrainer;

/**
 * MLlib's multilayer perceptron, [dim, hidden, classes] with softmax on top, trained in-task by the path
 * {@code learner.implementation} names: {@code fast} (the default, {@link SparseMlpTrainer}: equal to
 * {@code MultilayerPerceptronClassifier.fit()} up to rounding, held to it by the equivalence tests) or
 * {@code mllib} ({@link MllibMlpTrainer}: MLlib's own code, bit for bit fit()).
 *
 * <p>It lives in {@code model.learner}, above both paths, because choosing a path needs both of them:
 * {@code model} (the interfaces both paths implement) may import neither of its subpackages, and
 * {@code model.mllib}, the reference, must not depend on the fast path it is the reference for.
 */
public final class MlpLearner implements Learner {
  private static final long serialVersionUID = 1L;

  private final MlpConfig config;

  public MlpLearner(MlpConfig config) {
    this.config = config;
  }

  public MlpConfig config() {
    return config;
  }

  @Override
  public MlpTrainer newTrainer() {
    return switch (config.implementation()) {
      case FAST -> new SparseMlpTrainer(config);
      case MLLIB -> new MllibMlpTrainer(config);
    };
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    return newTrainer().train(train, seed);
  }
}
