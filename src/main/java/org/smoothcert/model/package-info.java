/**
 * The learner: what the smoothing trains ({@link org.smoothcert.model.Learner},
 * {@link org.smoothcert.model.Trainer}, {@link org.smoothcert.model.Classifier}), MLlib's multilayer
 * perceptron as a trained value ({@link org.smoothcert.model.MlpClassifier}) with its one forward pass
 * over MLlib's weight layout ({@link org.smoothcert.model.TrainedMlp}, {@link org.smoothcert.model.MlpLayout};
 * also what {@link org.smoothcert.model.MlpMargins} and the attacks compute with), a path's cost apart from
 * its minimizer ({@link org.smoothcert.model.MlpCost}) and its configuration
 * ({@link org.smoothcert.model.MlpConfig}).
 * It imports neither MLlib nor Breeze, nor either of its two implementations: {@code model.mllib},
 * MLlib's own code (bit for bit {@code MultilayerPerceptronClassifier.fit()}, the reference), and
 * {@code model.fast}, the default (equal to fit() up to rounding, held to it by equivalence tests).
 */
package org.smoothcert.model;
