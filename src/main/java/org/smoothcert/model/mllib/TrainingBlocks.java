package org.smoothcert.model.mllib;

import breeze.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.smoothcert.data.Examples;
import org.smoothcert.model.FeatureLevels;

/**
 * A training set laid out as MLlib's {@code FeedForwardTrainer} hands it to the cost function:
 * consecutive blocks of at most {@code blockSize} examples, in order ({@code DataStacker.stack} groups
 * a partition's rows with {@code grouped(blockSize)}), each a {@code dim x k} input matrix and a
 * {@code classes x k} one-hot target matrix (fit() one-hot encodes labels with {@code dropLast=false}).
 *
 * <p>The arrays are reused by the next {@link #stack} when large enough: one instance serves all the
 * models a task trains.
 */
final class TrainingBlocks {
  /** One stacked block: views into the shared arrays, {@code size} examples wide. */
  record Block(DenseMatrix<Object> input, DenseMatrix<Object> target, int size) {}

  private double[] inputs = new double[0];
  private double[] targets = new double[0];
  private final List<Block> blocks = new ArrayList<>();

  void stack(Examples examples, int blockSize) {
    int count = examples.count();
    int dim = examples.dim();
    int classes = examples.classes();
    if (count == 0) {
      throw new IllegalArgumentException("no training examples");
    }
    if (inputs.length < count * dim) {
      inputs = new double[count * dim];
    }
    if (targets.length < count * classes) {
      targets = new double[count * classes];
    }
    FeatureLevels.of(examples.domains()).toColumns(examples.features(), 0, count, inputs, 0);
    Arrays.fill(targets, 0, count * classes, 0.0);
    for (int i = 0; i < count; i++) {
      int label = examples.label(i);
      if (label >= classes) {
        throw new IllegalArgumentException(
            "label " + label + " of example " + i + " is not below " + classes);
      }
      targets[i * classes + label] = 1.0;
    }
    blocks.clear();
    for (int first = 0; first < count; first += blockSize) {
      int size = Math.min(blockSize, count - first);
      blocks.add(new Block(
          BreezeAdapter.matrix(dim, size, inputs, first * dim),
          BreezeAdapter.matrix(classes, size, targets, first * classes),
          size));
    }
  }

  List<Block> blocks() {
    return blocks;
  }
}
