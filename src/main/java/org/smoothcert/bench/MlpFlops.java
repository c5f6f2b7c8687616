package org.smoothcert.bench;

/**
 * Floating-point operations of one classifier of layers [dim, hidden, classes], counted from the
 * algorithms (a multiply-add is 2, an exp or log 1). {@code inputs} is how many inputs the first layer
 * reads per example: {@code dim} for MLlib's dense product, the non-zero count for the sparse one.
 *
 * <p>Per example and cost evaluation: the first layer forward and its gradient, 2 * 2 * inputs *
 * hidden; the second layer forward, backward and gradient, 3 * 2 * hidden * classes; the activations,
 * the softmax, the loss and the deltas, about 4 * hidden + 5 * classes. Per L-BFGS iteration (Breeze's
 * {@code ApproximateInverseHessian.*} over the k <= memory stored pairs): 3 dot products and 2 axpys of
 * 2 * n each per pair, and about 10 * n for the new pair, the direction and the convergence test; each
 * line-search evaluation adds a step and a directional derivative, 4 * n.
 *
 * <p>With {@code hidden = 0} the network is [dim, classes] (logistic regression): one layer, forward and
 * gradient 2 * 2 * inputs * classes per example, plus the softmax, the loss and the deltas.
 */
public record MlpFlops(int dim, int hidden, int classes) {
  public int weights() {
    return hidden == 0 ? dim * classes + classes : hidden * dim + hidden + classes * hidden + classes;
  }

  public double costEvaluation(int examples, double inputsPerExample) {
    double perExample = hidden == 0 ? 4.0 * inputsPerExample * classes + 5.0 * classes
        : 4.0 * inputsPerExample * hidden + 6.0 * hidden * classes + 4.0 * hidden + 5.0 * classes;
    return examples * perExample + weights();
  }

  public double lbfgs(double iterations, double evaluations, int memory) {
    double n = weights();
    double pairs = 0;
    for (int i = 0; i < Math.round(iterations); i++) {
      pairs += Math.min(i, memory);
    }
    return 10.0 * n * pairs + 10.0 * n * iterations + 4.0 * n * evaluations;
  }

  /** Cost evaluations, L-BFGS bookkeeping and the prediction of {@code testExamples}, for one classifier. */
  public double perClassifier(double evaluations, double iterations, int memory, int trainExamples,
      double trainInputs, int testExamples, double testInputs) {
    return evaluations * costEvaluation(trainExamples, trainInputs) + lbfgs(iterations, evaluations, memory)
        + prediction(testExamples, testInputs);
  }

  public double prediction(int examples, double inputsPerExample) {
    return hidden == 0 ? examples * (2.0 * inputsPerExample * classes + 3.0 * classes)
        : examples * (2.0 * inputsPerExample * hidden + 2.0 * hidden * classes + hidden + 3.0 * classes);
  }
}
