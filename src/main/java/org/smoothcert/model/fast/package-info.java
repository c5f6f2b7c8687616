/**
 * The {@code fast} learner path, the default: MLlib's cost computed over the non-zero inputs only and
 * Breeze's L-BFGS algorithm over reused arrays (with the JDK's vector API where present). Equal to
 * {@code MultilayerPerceptronClassifier.fit()} up to rounding, held to it and to {@code model.mllib} by
 * equivalence tests; it builds on {@code model.mllib} (MLlib's initial weights, the weight decay).
 * {@link org.smoothcert.model.learner.MlpLearner}, above both paths, chooses between them.
 */
package org.smoothcert.model.fast;
