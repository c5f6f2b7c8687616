package org.smoothcert.attack;

import java.util.stream.IntStream;
import org.smoothcert.data.Examples;
import org.smoothcert.model.MlpLayout;
import org.smoothcert.model.MlpTrainer;
import org.smoothcert.model.TrainedMlp;
import org.smoothcert.model.learner.MlpLearner;
import org.smoothcert.smoothing.ClassifierNoise;

/**
 * The attacker's copy of the smoothed classifier: N' networks of the run's learner, each trained on its
 * own noised copy of a training set and voting on its own noised copy of a test image, all drawn with
 * the attacker's seed. It uses what an attacker knows (the learner, the noise distribution, the training
 * set), not the run's seed, so a candidate that works on it is not fitted to the run's own noise draws.
 *
 * <p>It keeps every trained network ({@link TrainedMlp}: MLlib's layout and the forward pass; for
 * logistic regression, [dim, classes], the first layer's outputs are the logits) and the noised training
 * labels each was trained on: among
 * the networks whose noise happened to change training label k, the votes show what changing that label
 * does (see {@link #labelChanges}).
 */
final class Surrogate {
  /** Networks are processed in this many fixed chunks, so sums do not depend on the thread count. */
  private static final int CHUNKS = 16;

  /** The networks' layers and activation (the learner's). */
  final MlpLayout layout;
  final int dim;
  final int classes;
  final int featureDomain;
  private final double beta;
  private final TrainedMlp[] networks;
  private final byte[][] noisedLabels;
  private final ClassifierNoise noise;

  private Surrogate(int featureDomain, double beta, TrainedMlp[] networks, byte[][] noisedLabels,
      ClassifierNoise noise) {
    this.layout = networks[0].layout();
    this.dim = layout.dim();
    this.classes = layout.classes();
    this.featureDomain = featureDomain;
    this.beta = beta;
    this.networks = networks;
    this.noisedLabels = noisedLabels;
    this.noise = noise;
  }

  /** Trains {@code size} networks on noised copies of {@code train}, drawn from {@code seed}. */
  static Surrogate train(Examples train, MlpLearner learner, long seed, double beta, int size) {
    ClassifierNoise noise = new ClassifierNoise(seed, beta);
    TrainedMlp[] networks = new TrainedMlp[size];
    byte[][] labels = new byte[size][];
    chunks(size).parallel().forEach(chunk -> {
      MlpTrainer trainer = learner.newTrainer();
      byte[] features = new byte[train.features().length];
      for (int j = from(chunk, size); j < from(chunk + 1, size); j++) {
        byte[] noisedLabels = new byte[train.count()];
        noise.noiseTrain(j, train, features, noisedLabels);
        Examples noised = new Examples(train.count(), train.dim(), train.domains().uniform(), train.classes(), features,
            noisedLabels);
        networks[j] = trainer.train(noised, noise.learnerSeed(j)).network();
        labels[j] = noisedLabels;
      }
    });
    return new Surrogate(train.domains().uniform(), beta, networks, labels, noise);
  }

  int size() {
    return networks.length;
  }

  TrainedMlp network(int net) {
    return networks[net];
  }

  /** Network {@code net}'s noised copy of one image (its own noise, the same for every image). */
  byte[] noised(int net, byte[] image) {
    byte[] out = new byte[dim];
    noise.noiseTest(net, new Examples(1, dim, featureDomain, classes, image, new byte[1]), out);
    return out;
  }

  /** The chunks of networks, each processed by one task. */
  static IntStream chunks(int size) {
    return IntStream.range(0, Math.min(CHUNKS, size));
  }

  /** The first network of a chunk. */
  static int from(int chunk, int size) {
    int chunks = Math.min(CHUNKS, size);
    return (int) ((long) size * chunk / chunks);
  }

  /**
   * What changing one training label would do to the share of networks voting top, estimated from the
   * networks whose noise already changed it: with {@code votes[j]} whether network j votes top, m_k(o)
   * is the share among the networks trained with label k noised to o. Under an attack that sets label
   * k to v, the noise keeps v with probability beta and otherwise draws one of the other values, so the
   * share becomes beta m_k(v) + (1 - beta)/(c - 1) sum_{o != v} m_k(o) (for c = 2 and beta = 0.9:
   * 0.9 m_k(v) + 0.1 m_k(y_k), against 0.9 m_k(y_k) + 0.1 m_k(v) before).
   *
   * @return [k][v]: the expected share of top votes with training label k set to v (the current share
   *     where v is its label)
   */
  double[][] labelChanges(Examples train, boolean[] votes) {
    double overall = share(votes);
    double[][] after = new double[train.count()][classes];
    for (int k = 0; k < train.count(); k++) {
      double[] sum = new double[classes];
      int[] count = new int[classes];
      for (int j = 0; j < votes.length; j++) {
        int o = noisedLabels[j][k];
        count[o]++;
        sum[o] += votes[j] ? 1 : 0;
      }
      double[] m = new double[classes];
      double total = 0;
      for (int o = 0; o < classes; o++) {
        m[o] = count[o] == 0 ? overall : sum[o] / count[o];
        total += m[o];
      }
      for (int v = 0; v < classes; v++) {
        after[k][v] = v == train.label(k) ? overall : beta * m[v] + (1 - beta) / (classes - 1) * (total - m[v]);
      }
    }
    return after;
  }

  static double share(boolean[] votes) {
    int n = 0;
    for (boolean v : votes) {
      n += v ? 1 : 0;
    }
    return (double) n / votes.length;
  }
}
