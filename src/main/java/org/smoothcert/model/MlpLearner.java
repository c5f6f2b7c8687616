package org.smoothcert.model;

import org.smoothcert.data.Examples;

/**
 * MLlib's multilayer perceptron, [dim, hidden, classes] with softmax on top, trained in-task by the
 * implementation the config names.
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
      case MLLIB -> new MllibMlpTrainer(config);
      case SPARSE -> new SparseMlpTrainer(config);
    };
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    return newTrainer().train(train, seed);
  }
}
