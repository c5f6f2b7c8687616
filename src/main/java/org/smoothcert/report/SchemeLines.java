package org.smoothcert.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.Certificate;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.certify.Certifier;
import org.smoothcert.certify.PartitionCertificate;
import org.smoothcert.certify.VotesNeeded;
import org.smoothcert.config.RunConfig;
import org.smoothcert.config.SmoothingConfig;
import org.smoothcert.smoothing.Scheme;
import org.smoothcert.votes.VoteCounts;

/**
 * What the reports say of a scheme whose radius counts poisoned training examples (bagging, partition
 * aggregation, BagFlip): its parameters, its unit, and what N classifiers can certify at all. The flip
 * noise keeps its own lines ({@link Reports#ceiling}).
 */
final class SchemeLines {
  private SchemeLines() {}

  static String describe(SmoothingConfig s, int trainingExamples) {
    return switch (s.scheme()) {
      case FLIP -> "flip noise, beta=" + s.beta();
      case BAGGING -> String.format("bagging: bags of k=%,d of the n=%,d training examples, drawn %s",
          s.bagSize(), trainingExamples, s.bagReplacement() ? "with replacement" : "without replacement");
      case PARTITION -> String.format("partition aggregation: the n=%,d training examples cut into N=%,d parts by a"
          + " hash of each", trainingExamples, s.classifiers());
      case BAGFLIP -> String.format("bagflip: bags of k=%,d of the n=%,d training examples (%s), flips at beta=%s,"
          + " trigger of s=%d features", s.bagSize(), trainingExamples,
          s.bagReplacement() ? "with replacement" : "without replacement", s.beta(), s.triggerSize());
    };
  }

  /** What a radius R guarantees, in words. */
  static String guarantee(SmoothingConfig s) {
    return switch (s.scheme()) {
      case FLIP -> "no change of at most R training features, training labels and test features in total"
          + " changes the prediction";
      case BAGGING, PARTITION -> "no change of at most R training examples (each inserted, deleted or modified"
          + " in any way) changes the prediction";
      case BAGFLIP -> "no R training examples modified (none inserted or deleted), each with at most s changed"
          + " features and any label, plus at most s changed features of the test input, change the prediction";
    };
  }

  /** The certificate and ceiling lines printed before training. */
  static String ceiling(RunConfig config, Certifier certifier, AlphaSplit split, int featureDomain,
      int trainingExamples) {
    SmoothingConfig s = config.smoothing();
    long n = config.smoothing().classifiers() - config.certify().selectionClassifiers();
    int max = radius(certifier, n, n);
    StringBuilder out = new StringBuilder();
    out.append("certificate: ").append(describe(s, trainingExamples));
    if (s.scheme() != Scheme.PARTITION) {
      out.append(String.format(", N=%,d", n));
    }
    out.append(certifier.deterministic() ? " (deterministic: no confidence level)" : ", " + split.describe());
    out.append('\n');
    if (max < 0) {
      return out.append(String.format("warning: with N=%,d no point can be certified, even with a unanimous vote%n",
          n)).toString();
    }
    VotesNeeded plan = new VotesNeeded(r -> s.certifier(split, r, featureDomain, config.classes(), trainingExamples),
        split, n);
    out.append("votes needed for the top class")
        .append(plan.dependsOnTheOthers() ? " (the others spread - on one class): " : ": ");
    List<String> needed = new ArrayList<>();
    for (int r : ConsoleTable.shownRadii(max)) {
      long spread = plan.spread(r);
      long one = plan.concentrated(r);
      needed.add("R=" + r + ": " + (spread == one ? Long.toString(one) : spread + "-" + one));
    }
    out.append(String.join(", ", needed)).append('\n');
    if (max == config.certify().maxRadius()) {
      out.append(String.format("ceiling: certify.max-radius = %,d stops the search: a unanimous vote of N=%,d certifies"
          + " every R up to it (raise certify.max-radius to search further)%n", max, n));
    } else {
      out.append(String.format("ceiling: a unanimous vote of N=%,d certifies R=%,d %s%n", n, max, s.scheme().radiusUnit()));
    }
    return out.toString();
  }

  /** The radius of one point whose top class has {@code top} of {@code n} votes and one other class the rest. */
  private static int radius(Certifier certifier, long top, long n) {
    VoteCounts votes = VoteCounts.of(1, 2, n, new int[] {(int) top, (int) (n - top)});
    Certificate c = certifier.certify(votes, 0);
    return c.topClass() == 0 ? c.radius() : -1;
  }


  static Map<String, Object> summary(RunConfig config, int trainingExamples) {
    SmoothingConfig s = config.smoothing();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.scheme().key());
    m.put("radius_unit", s.scheme().radiusUnit());
    m.put("guarantee", guarantee(s));
    m.put("description", describe(s, trainingExamples));
    m.put("training_examples", trainingExamples);
    if (s.scheme().bags()) {
      m.put("bag_size", s.bagSize());
      m.put("bag_replacement", s.bagReplacement());
    }
    if (s.scheme() == Scheme.PARTITION) {
      m.put("parts", s.classifiers());
    }
    if (s.scheme().flips()) {
      m.put("beta", s.beta());
    }
    if (s.scheme() == Scheme.BAGFLIP) {
      m.put("trigger_size", s.triggerSize());
    }
    m.put("deterministic", s.deterministic());
    return m;
  }

  /**
   * Partition aggregation in its paper's unit too (Levine and Feizi 2021: insertions plus removals, a
   * modification counting two): certified accuracy at the usual radii and the median certified
   * robustness (the largest count at which at least half the points are certified and correct).
   */
  static Map<String, Object> insertionsOrRemovals(CertificationResult result) {
    VoteCounts votes = result.votes();
    int m = votes.points();
    long[] radius = new long[m];
    long largest = 0;
    for (int i = 0; i < m; i++) {
      long[] counts = new long[votes.classes()];
      for (int c = 0; c < counts.length; c++) {
        counts[c] = votes.count(i, c);
      }
      boolean correct = PartitionCertificate.top(counts) == result.trueLabels()[i];
      radius[i] = correct ? PartitionCertificate.radius(counts) : -1;
      largest = Math.max(largest, radius[i]);
    }
    Map<String, Object> accuracy = new LinkedHashMap<>();
    for (int r : ConsoleTable.shownRadii((int) largest + 1)) {
      long n = java.util.Arrays.stream(radius).filter(x -> x >= r).count();
      accuracy.put(Integer.toString(r), (double) n / m);
    }
    long[] sorted = radius.clone();
    java.util.Arrays.sort(sorted);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unit", "training examples inserted or removed (a modification counts two), as Levine and Feizi count");
    out.put("certified_accuracy", accuracy);
    // At least half the points have radius >= the value at the lower median position.
    out.put("median_certified_robustness", sorted[m - (m + 1) / 2]);
    return out;
  }

  static Map<String, Object> noAlpha() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deterministic", true);
    m.put("rule", "no confidence bound: each classifier is a deterministic function of its part, so the"
        + " certificate follows from the vote counts with certainty");
    return m;
  }

  static String subtitle(RunConfig config, int trainingExamples, long classifiers, AlphaSplit split,
      boolean deterministic, int points) {
    SmoothingConfig s = config.smoothing();
    String scheme = switch (s.scheme()) {
      case FLIP -> "flip";
      case BAGGING -> String.format("bagging k=%d of n=%,d", s.bagSize(), trainingExamples);
      case PARTITION -> String.format("partition of n=%,d", trainingExamples);
      case BAGFLIP -> String.format("bagflip k=%d of n=%,d, beta=%s, s=%d", s.bagSize(), trainingExamples, s.beta(),
          s.triggerSize());
    };
    return String.format("%s, N=%,d, %s, %d test points", scheme, classifiers,
        deterministic ? "deterministic" : split.describe(), points);
  }

  static String axis(RunConfig config) {
    return config.smoothing().scheme() == Scheme.BAGFLIP
        ? "Poisoned training examples R, each with a trigger of s = " + config.smoothing().triggerSize()
            + " features (certified)"
        : "Poisoned training examples R: inserted, deleted or modified (certified)";
  }

  static String column(Scheme scheme) {
    return "poisoned_examples";
  }

  static String unitHeader(Scheme scheme) {
    return "examples";
  }
}
