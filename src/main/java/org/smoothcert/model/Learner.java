package org.smoothcert.model;

import java.io.Serializable;
import org.smoothcert.data.Examples;

/**
 * A learning algorithm with its configuration. It is serializable so that the Spark job can ship it
 * to the executors; the trainers and classifiers it makes stay where they are made.
 */
public interface Learner extends Serializable {
  /** A trainer for one thread, e.g. one per task: it reuses its buffers across the models it trains. */
  Trainer newTrainer();

  /** Trains one classifier with a trainer of its own; a task that trains many uses {@link #newTrainer}. */
  default Classifier train(Examples train, long seed) {
    return newTrainer().train(train, seed);
  }
}
