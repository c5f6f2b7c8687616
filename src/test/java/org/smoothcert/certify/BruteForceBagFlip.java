package org.smoothcert.certify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * BagFlip's joint distribution by enumeration, for tests only: a concrete clean training set D and a
 * concrete poisoned one D', a test point x and its triggered x'. Every bag (all n^k index sequences),
 * every noised value of every bag entry (features and label) and every noised test point is an outcome
 * with its exact probability under (D, x) and under (D', x'). The Neyman–Pearson curve then comes from
 * sorting all outcomes by their exact likelihood ratio. With {@code mergeBags} the outcomes that show the
 * same noised bag and test point are merged over the bags that drew them: the space a learner really
 * sees (it does not know which indices were drawn).
 */
final class BruteForceBagFlip {
  private BruteForceBagFlip() {}

  /** A training example: features, then the label. */
  record Example(int[] features, int label) {}

  /** One outcome's probability under the clean draw and under the poisoned one. */
  record Outcome(BigFraction clean, BigFraction poisoned) {}

  static List<Outcome> outcomes(BigFraction beta, int featureDomain, int classes, Example[] clean,
      Example[] poisoned, int[] x, int[] xPrime, int k, boolean mergeBags) {
    int n = clean.length;
    int dim = x.length;
    // Per example index: the law of its noised value (index over all feature vectors and labels).
    int values = pow(featureDomain, dim) * classes;
    BigFraction[][] lawClean = new BigFraction[n][];
    BigFraction[][] lawPoisoned = new BigFraction[n][];
    for (int i = 0; i < n; i++) {
      lawClean[i] = exampleLaw(beta, featureDomain, classes, clean[i], values);
      lawPoisoned[i] = exampleLaw(beta, featureDomain, classes, poisoned[i], values);
    }
    int tests = pow(featureDomain, dim);
    BigFraction[] testClean = new BigFraction[tests];
    BigFraction[] testPoisoned = new BigFraction[tests];
    for (int z = 0; z < tests; z++) {
      testClean[z] = vectorLaw(beta, featureDomain, x, z);
      testPoisoned[z] = vectorLaw(beta, featureDomain, xPrime, z);
    }
    BigFraction bagProbability = new BigFraction(1).divide(pow(n, k));
    List<Outcome> out = new ArrayList<>();
    Map<String, BigFraction[]> merged = new HashMap<>();
    int bags = pow(n, k);
    int contents = pow(values, k);
    for (int bag = 0; bag < bags; bag++) {
      int[] index = digits(bag, n, k);
      for (int content = 0; content < contents; content++) {
        int[] value = digits(content, values, k);
        BigFraction pc = bagProbability;
        BigFraction pp = bagProbability;
        for (int pos = 0; pos < k; pos++) {
          pc = pc.multiply(lawClean[index[pos]][value[pos]]);
          pp = pp.multiply(lawPoisoned[index[pos]][value[pos]]);
        }
        for (int z = 0; z < tests; z++) {
          BigFraction c = pc.multiply(testClean[z]);
          BigFraction p = pp.multiply(testPoisoned[z]);
          if (mergeBags) {
            BigFraction[] acc = merged.computeIfAbsent(content + "/" + z,
                key -> new BigFraction[] {BigFraction.ZERO, BigFraction.ZERO});
            acc[0] = acc[0].add(c);
            acc[1] = acc[1].add(p);
          } else {
            out.add(new Outcome(c, p));
          }
        }
      }
    }
    if (mergeBags) {
      for (BigFraction[] acc : merged.values()) {
        out.add(new Outcome(acc[0], acc[1]));
      }
    }
    sortByRatio(out);
    return out;
  }

  /** Largest clean/poisoned ratio first (a poisoned probability of 0 is an infinite ratio). */
  static void sortByRatio(List<Outcome> outcomes) {
    // Outcomes impossible under both (no noise) have no ratio: they carry no mass, drop them.
    outcomes.removeIf(o -> o.clean.compareTo(BigFraction.ZERO) == 0 && o.poisoned.compareTo(BigFraction.ZERO) == 0);
    outcomes.sort((a, b) -> b.clean.multiply(a.poisoned).compareTo(a.clean.multiply(b.poisoned)));
  }

  /** The least poisoned mass of a set of clean mass p: the sorted outcomes taken in order. */
  static BigFraction worstCaseMass(List<Outcome> sorted, BigFraction p) {
    BigFraction accClean = BigFraction.ZERO;
    BigFraction accPoisoned = BigFraction.ZERO;
    if (p.compareTo(BigFraction.ZERO) == 0) {
      return BigFraction.ZERO;
    }
    for (Outcome o : sorted) {
      if (accClean.add(o.clean).compareTo(p) >= 0) {
        return accPoisoned.add(p.subtract(accClean).multiply(o.poisoned).divide(o.clean));
      }
      accClean = accClean.add(o.clean);
      accPoisoned = accPoisoned.add(o.poisoned);
    }
    return BigFraction.ONE;
  }

  /** The clean mass at which the worst set's poisoned mass reaches 1/2. */
  static BigFraction threshold(List<Outcome> sorted) {
    BigFraction half = new BigFraction(1, 2);
    BigFraction accClean = BigFraction.ZERO;
    BigFraction accPoisoned = BigFraction.ZERO;
    for (Outcome o : sorted) {
      if (accPoisoned.add(o.poisoned).compareTo(half) >= 0) {
        return accClean.add(half.subtract(accPoisoned).multiply(o.clean).divide(o.poisoned));
      }
      accClean = accClean.add(o.clean);
      accPoisoned = accPoisoned.add(o.poisoned);
    }
    throw new IllegalStateException("probabilities do not sum to 1");
  }

  private static BigFraction[] exampleLaw(BigFraction beta, int featureDomain, int classes, Example e, int values) {
    int vectors = values / classes;
    BigFraction[] law = new BigFraction[values];
    BigFraction keepLabel = beta;
    BigFraction otherLabel = BigFraction.ONE.subtract(beta).divide(classes - 1);
    for (int v = 0; v < vectors; v++) {
      BigFraction features = vectorLaw(beta, featureDomain, e.features, v);
      for (int y = 0; y < classes; y++) {
        law[v * classes + y] = features.multiply(y == e.label ? keepLabel : otherLabel);
      }
    }
    return law;
  }

  /** P(noised vector = the vector numbered z | the vector v). */
  private static BigFraction vectorLaw(BigFraction beta, int domain, int[] v, int z) {
    BigFraction other = BigFraction.ONE.subtract(beta).divide(domain - 1);
    int[] noised = digits(z, domain, v.length);
    BigFraction p = BigFraction.ONE;
    for (int i = 0; i < v.length; i++) {
      p = p.multiply(noised[i] == v[i] ? beta : other);
    }
    return p;
  }

  private static int[] digits(int number, int base, int length) {
    int[] d = new int[length];
    for (int i = 0; i < length; i++) {
      d[i] = number % base;
      number /= base;
    }
    return d;
  }

  private static int pow(int base, int e) {
    int p = 1;
    for (int i = 0; i < e; i++) {
      p = Math.multiplyExact(p, base);
    }
    return p;
  }
}
