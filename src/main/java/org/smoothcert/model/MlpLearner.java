package org.smoothcert.model;

import org.smoothcert.data.Examples;

/** MLlib's multilayer perceptron, [dim, hidden, classes] with softmax on top, trained in-task. */
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
    return new MlpTrainer(config);
  }

  @Override
  public MlpClassifier train(Examples train, long seed) {
    return newTrainer().train(train, seed);
  }
}
