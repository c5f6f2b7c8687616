/**
 * The {@code mllib} learner path, the reference: MLlib's own {@code ml.ann} code (the dense
 * {@code FeedForwardModel}) minimised by Breeze's own {@code LBFGS} object, bit for bit what
 * {@code MultilayerPerceptronClassifier.fit()} trains. The only package that touches MLlib's
 * {@code ml.ann} and Breeze, and of the learner's packages the only one that touches
 * {@code org.apache.spark.ml} (bench's baseline, fit() itself, runs in {@code spark.MllibFit}); it never
 * imports the fast path.
 */
package org.smoothcert.model.mllib;
