package org.smoothcert.model;

import org.smoothcert.data.Examples;

/**
 * Trains classifiers one after another, reusing its buffers between them. Not thread-safe: one per
 * thread, and the classifiers it returns belong to the same thread.
 */
public interface Trainer {
  /** A classifier for {@code train}; the same data and seed always give the same classifier. */
  Classifier train(Examples train, long seed);
}
