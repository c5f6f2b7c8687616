package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.Activation;
import org.smoothcert.model.SyntheticExamples;
import org.smoothcert.model.mllib.MlpNetwork;

/** The sparse cost's gradient is the derivative of its value, across the ReLU's kink and with weight decay. */
class SparseMlpCostTest {
  @Test
  void sparseCostGradientWithReluAndDecayMatchesFiniteDifferences() {
    SyntheticExamples data = new SyntheticExamples(12, 3, 0.3, 0.1, 4);
    MlpLayout net = new MlpLayout(new int[] {12, 5, 3}, Activation.RELU);
    SparseMlpCost cost = new SparseMlpCost(net, 0.05);
    cost.load(data.draw(20, 4, 9), 8);
    double[] w = new MlpNetwork(new int[] {12, 5, 3}, Activation.RELU, 0.05).initialWeights(3);
    double[] gradient = new double[w.length];
    cost.valueAndGradient(w, gradient);
    for (int i = 0; i < w.length; i++) {
      double[] up = w.clone();
      double[] down = w.clone();
      double h = 1e-6;
      up[i] += h;
      down[i] -= h;
      double numeric = (cost.valueAndGradient(up, new double[w.length])
          - cost.valueAndGradient(down, new double[w.length])) / (2 * h);
      assertEquals(numeric, gradient[i], 1e-6, "weight " + i);
    }
  }
}
