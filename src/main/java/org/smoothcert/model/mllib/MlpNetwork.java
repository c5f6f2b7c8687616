package org.smoothcert.model.mllib;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.ml.ann.ActivationFunction;
import org.apache.spark.ml.ann.AffineLayer;
import org.apache.spark.ml.ann.FeedForwardTopology;
import org.apache.spark.ml.ann.FunctionalLayer;
import org.apache.spark.ml.ann.Layer;
import org.apache.spark.ml.ann.SigmoidFunction;
import org.apache.spark.ml.ann.SoftmaxLayerWithCrossEntropyLoss;
import org.apache.spark.ml.ann.TopologyModel;
import org.apache.spark.ml.linalg.DenseVector;
import org.smoothcert.model.Activation;

/**
 * MLlib's multilayer perceptron for one layer shape: {@code FeedForwardTopology.multiLayerPerceptron(
 * layers, softmaxOnTop = true)}, the network MultilayerPerceptronClassifier trains, and the cost fit()
 * minimises over it. With a ReLU hidden layer the network is assembled from the same MLlib layers
 * ({@code AffineLayer}, {@code FunctionalLayer} with a {@link ReluFunction}, {@code AffineLayer},
 * {@code SoftmaxLayerWithCrossEntropyLoss}), so it starts from the same initial weights; with
 * {@code learner.l2 > 0} the {@link WeightDecay} is added to the cost.
 *
 * <p>The models used for the cost are made once, one per block width, over one weight buffer that each
 * evaluation overwrites: {@code FeedForwardModel} views its weight vector without copying and keeps its
 * forward and backward buffers while the block width stays the same. (MLlib's {@code ANNGradient}
 * makes a new model for every block of every evaluation; the arithmetic is the same.)
 *
 * <p>The fast path starts from this network's {@link #initialWeights} too.
 */
public final class MlpNetwork {
  private final int[] layers;
  private final FeedForwardTopology topology;
  private final Activation activation;
  private final WeightDecay decay;
  private final double[] sharedWeights;
  private final Map<Integer, TopologyModel> modelsByBlockWidth = new HashMap<>();

  public MlpNetwork(int[] layers, Activation activation, double l2) {
    this.layers = layers.clone();
    this.activation = activation;
    this.decay = new WeightDecay(l2, this.layers);
    this.topology = topology(this.layers, activation);
    this.sharedWeights = new double[Arrays.stream(topology.layers()).mapToInt(Layer::weightSize).sum()];
  }

  /** MLlib's MLP for a sigmoid hidden layer (or none); MLlib's layers around a ReLU otherwise. */
  static FeedForwardTopology topology(int[] layers, Activation activation) {
    if (activation == Activation.SIGMOID || layers.length == 2) {
      return FeedForwardTopology.multiLayerPerceptron(layers, true);
    }
    if (layers.length != 3) {
      throw new IllegalArgumentException("one hidden layer expected, got " + Arrays.toString(layers));
    }
    return FeedForwardTopology.apply(new Layer[] {
        new AffineLayer(layers[0], layers[1]), new FunctionalLayer(function(activation)),
        new AffineLayer(layers[1], layers[2]), new SoftmaxLayerWithCrossEntropyLoss()});
  }

  /** MLlib's function for a {@code FunctionalLayer} of {@code activation}. */
  private static ActivationFunction function(Activation activation) {
    return switch (activation) {
      case SIGMOID -> new SigmoidFunction();
      case RELU -> new ReluFunction();
    };
  }

  public boolean hasLayers(int[] other) {
    return Arrays.equals(layers, other);
  }

  /** The weights {@code MultilayerPerceptronClassifier.setSeed(seed)} starts from. */
  public double[] initialWeights(long seed) {
    return topology.model(seed).weights().toArray();
  }

  /** MLlib's model over {@code weights}, which it views without copying. */
  public TopologyModel model(double[] weights) {
    return topology.model(new DenseVector(weights));
  }

  /**
   * The cost fit() gives L-BFGS at {@code weights}, with its gradient written into {@code gradient}
   * (zeroed by the caller). As in mllib's {@code LBFGS.CostFun} over {@code ANNGradient}: each block's
   * {@code computeGradient} returns the block's mean loss and adds the block's mean gradient; the sums
   * over blocks are divided by the number of blocks (the count of the stacked RDD), the gradient by
   * multiplying with {@code 1.0 / blocks} as CostFun's {@code axpy} does. The weight decay, if any, is
   * added last.
   */
  double cost(TrainingBlocks blocks, double[] weights, double[] gradient) {
    System.arraycopy(weights, 0, sharedWeights, 0, sharedWeights.length);
    DenseVector gradientSum = new DenseVector(gradient);
    double lossSum = 0.0;
    for (TrainingBlocks.Block block : blocks.blocks()) {
      lossSum += modelForWidth(block.size())
          .computeGradient(block.input(), block.target(), gradientSum, block.size());
    }
    int count = blocks.blocks().size();
    double scale = 1.0 / count;
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] *= scale;
    }
    return lossSum / count + decay.add(weights, gradient);
  }

  private TopologyModel modelForWidth(int width) {
    return modelsByBlockWidth.computeIfAbsent(width, w -> model(sharedWeights));
  }
}
