/**
 * The {@code mllib} learner path, the reference: MLlib's own {@code ml.ann} code (the dense
 * {@code FeedForwardModel}) minimised by Breeze's own {@code LBFGS} object, bit for bit what
 * {@code MultilayerPerceptronClassifier.fit()} trains. The only package that touches
 * {@code org.apache.spark.ml} and Breeze; it never imports the fast path.
 */
package org.smoothcert.model.mllib;
