package org.smoothcert.attack;

import java.util.ArrayList;
import java.util.List;
import org.smoothcert.model.FeatureLevels;
import org.smoothcert.model.MlpClassifier;
import org.smoothcert.model.TrainedMlp;

/**
 * The adaptive test-pixel attack on one image against a {@link Surrogate}: step by step, the one pixel
 * whose change takes the most networks' votes (each on its own noised copy) away from the image's clean
 * class, never touching a pixel twice. Each step ranks every pixel by the gradient of the networks'
 * soft vote (weighted toward the networks nearest to changing their vote, as the vote count is what
 * moves), then counts the votes exactly after each of the best few changes and keeps the best. For
 * logistic regression (no hidden layer) a pixel's change moves each network's margin by exactly its
 * weight difference times the change of the input level, so every pixel's change is counted exactly.
 *
 * <p>A pixel is set to the other extreme of its domain (for binarized data: flipped). Where network j's
 * noise kept the pixel, its noised copy now shows the new value; where the noise had replaced it, the
 * copy keeps the replaced value unless that equals the new value, in which case it shows the old one
 * (for binarized data exactly what the same noise draw gives).
 */
final class PixelSearch {
  /** Pixels of an MLP whose change is counted exactly at each step, the best by the gradient. */
  static final int CANDIDATES = 16;

  /**
   * @param images after 1, 2, ... changed pixels
   * @param shares the share of the surrogate's networks voting the clean class: before any change, then
   *     after each
   */
  record Path(List<byte[]> images, double[] shares) {}

  private final Surrogate s;
  private final byte[] image;
  private final int top;
  private final byte[][] noised;
  private final double[][] z;
  private final boolean[] frozen;

  private PixelSearch(Surrogate s, byte[] image, int top) {
    this.s = s;
    this.image = image.clone();
    this.top = top;
    this.noised = new byte[s.size()][];
    this.z = new double[s.size()][];
    this.frozen = new boolean[s.dim];
    for (int j = 0; j < s.size(); j++) {
      noised[j] = s.noised(j, image);
      z[j] = s.network(j).preActivations(noised[j], 0, s.featureDomain);
    }
  }

  /** The first {@code steps} pixels of the attack on {@code image}, whose clean smoothed class is {@code top}. */
  static Path attack(Surrogate s, byte[] image, int top, int steps) {
    PixelSearch search = new PixelSearch(s, image, top);
    List<byte[]> images = new ArrayList<>();
    double[] shares = new double[Math.min(steps, s.dim) + 1];
    shares[0] = Surrogate.share(search.votes());
    for (int k = 1; k < shares.length; k++) {
      search.change(search.best());
      images.add(search.image.clone());
      shares[k] = Surrogate.share(search.votes());
    }
    return new Path(images, shares);
  }

  /** Whether each network votes {@code top} on its noised copy of {@code image}. */
  static boolean[] votes(Surrogate s, byte[] image, int top) {
    return new PixelSearch(s, image, top).votes();
  }

  /** Whether each network votes the clean class on its noised copy of the image as it is now. */
  private boolean[] votes() {
    boolean[] votes = new boolean[s.size()];
    double[] logits = new double[s.classes];
    for (int j = 0; j < votes.length; j++) {
      s.network(j).logits(z[j], logits);
      votes[j] = argmax(logits) == top;
    }
    return votes;
  }

  /**
   * The pixel whose change takes the most votes. For logistic regression every free pixel is counted
   * exactly (a change moves each margin by one weight difference: O(networks x pixels) a step); for an
   * MLP the {@value #CANDIDATES} best by the gradient.
   */
  private int best() {
    int[] candidates = s.layout.hidden() == 0 ? lowest(new double[s.dim], s.dim)
        : lowest(sumOverChunks(s.dim, this::gradient), CANDIDATES);
    double[] score = sumOverChunks(2 * candidates.length, (from, to) -> exactScores(candidates, from, to));
    int best = -1;
    for (int c = 0; c < candidates.length; c++) {
      // most votes taken away; then the lowest soft vote for the clean class
      if (best < 0 || score[2 * c] > score[2 * best]
          || (score[2 * c] == score[2 * best] && score[2 * c + 1] < score[2 * best + 1])) {
        best = c;
      }
    }
    return candidates[best];
  }

  private void change(int p) {
    int value = newValue(p);
    for (int j = 0; j < s.size(); j++) {
      int now = noisedAfter(j, p, value);
      s.network(j).shift(z[j], p, level(now) - level(noised[j][p] & 0xFF));
      noised[j][p] = (byte) now;
    }
    image[p] = (byte) value;
    frozen[p] = true;
  }

  /** Per pixel, the first-order change of the MLP networks' weighted soft vote for the clean class. */
  private double[] gradient(int from, int to) {
    double[] g = new double[s.dim];
    double[] logits = new double[s.classes];
    int width = s.layout.first();
    double[] u = new double[width];
    for (int j = from; j < to; j++) {
      TrainedMlp net = s.network(j);
      double[] a = net.logits(z[j], logits);
      int other = argmaxOther(logits);
      double weight = nearChange(logits[top] - logits[other]);
      for (int h = 0; h < width; h++) {
        u[h] = weight * (net.outputWeight(h, top) - net.outputWeight(h, other))
            * s.layout.activation().derivativeAtOutput(a[h]);
      }
      for (int p = 0; p < s.dim; p++) {
        if (frozen[p]) {
          continue;
        }
        double d = level(noisedAfter(j, p, newValue(p))) - level(noised[j][p] & 0xFF);
        if (d != 0) {
          double dot = 0;
          for (int h = 0; h < width; h++) {
            dot += net.inputWeight(p, h) * u[h];
          }
          g[p] += d * dot;
        }
      }
    }
    return g;
  }

  /** For each candidate: the votes its change takes from the clean class, and the soft vote left for it. */
  private double[] exactScores(int[] candidates, int from, int to) {
    double[] score = new double[2 * candidates.length];
    double[] logits = new double[s.classes];
    double[] moved = new double[s.layout.first()];
    for (int j = from; j < to; j++) {
      TrainedMlp net = s.network(j);
      for (int c = 0; c < candidates.length; c++) {
        int p = candidates[c];
        double d = level(noisedAfter(j, p, newValue(p))) - level(noised[j][p] & 0xFF);
        System.arraycopy(z[j], 0, moved, 0, moved.length);
        net.shift(moved, p, d);
        net.logits(moved, logits);
        int other = argmaxOther(logits);
        score[2 * c] += argmax(logits) == top ? 0 : 1;
        score[2 * c + 1] += sigmoid(logits[top] - logits[other]);
      }
    }
    return score;
  }

  /** Sums per-chunk arrays in chunk order: the result does not depend on how many threads ran them. */
  private double[] sumOverChunks(int length, ChunkWork work) {
    List<double[]> parts = Surrogate.chunks(s.size()).parallel()
        .mapToObj(c -> work.apply(Surrogate.from(c, s.size()), Surrogate.from(c + 1, s.size()))).toList();
    double[] sum = new double[length];
    for (double[] part : parts) {
      for (int k = 0; k < length; k++) {
        sum[k] += part[k];
      }
    }
    return sum;
  }

  private interface ChunkWork {
    double[] apply(int fromNet, int toNet);
  }

  /** The other extreme of the domain. */
  private int newValue(int p) {
    int value = image[p] & 0xFF;
    return value * 2 < s.featureDomain - 1 ? s.featureDomain - 1 : 0;
  }

  /** Network j's noised value of pixel p once the image's pixel p is {@code value}. */
  private int noisedAfter(int j, int p, int value) {
    int old = image[p] & 0xFF;
    int seen = noised[j][p] & 0xFF;
    if (seen == old) {
      return value;
    }
    return seen == value ? old : seen;
  }

  /** The indices of the {@code count} smallest values among the pixels not yet changed (ties: lowest index). */
  private int[] lowest(double[] values, int count) {
    List<Integer> free = new ArrayList<>();
    for (int p = 0; p < values.length; p++) {
      if (!frozen[p]) {
        free.add(p);
      }
    }
    free.sort((a, b) -> values[a] != values[b] ? Double.compare(values[a], values[b]) : Integer.compare(a, b));
    return free.subList(0, Math.min(count, free.size())).stream().mapToInt(Integer::intValue).toArray();
  }

  private double level(int value) {
    return FeatureLevels.level(value, s.featureDomain);
  }

  /** The class the network votes: the first largest logit (softmax keeps the order), as the classifier's. */
  private static int argmax(double[] logits) {
    return MlpClassifier.firstArgmax(logits, 0, logits.length);
  }

  private int argmaxOther(double[] logits) {
    int best = -1;
    for (int c = 0; c < logits.length; c++) {
      if (c != top && (best < 0 || logits[c] > logits[best])) {
        best = c;
      }
    }
    return best;
  }

  /** How close a margin is to changing the vote: the slope of the soft vote there (never exactly 0). */
  private static double nearChange(double margin) {
    double p = sigmoid(margin);
    return p * (1 - p) + 1e-12;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }
}
