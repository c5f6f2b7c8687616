/**
 * The learner's entry above both paths: {@link org.smoothcert.model.learner.MlpLearner}, the only
 * {@link org.smoothcert.model.Learner}, which chooses between {@code model.fast} (the default) and
 * {@code model.mllib} (MLlib's own code, the reference) by {@code learner.implementation}. The rest of
 * the project takes its learner from here and imports neither path for the default.
 */
package org.smoothcert.model.learner;
