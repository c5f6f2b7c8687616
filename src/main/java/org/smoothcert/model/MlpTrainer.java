package org.smoothcert.model;

import org.smoothcert.data.Examples;

/** A trainer of MLlib's multilayer perceptron: its classifiers expose MLlib's weights. */
public interface MlpTrainer extends Trainer {
  @Override
  MlpClassifier train(Examples train, long seed);
}
