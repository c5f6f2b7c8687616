package org.smoothcert.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The bagging certificate by enumeration, for tests only; it uses nothing of the closed form (no regions,
 * no o/n, no worst n').
 *
 * <p>The clean training set D holds the n distinct contents 0 .. n-1. Every poisoned training set D' within
 * poisoning size maxRadius is enumerated as a multiset over those contents and maxRadius fresh ones (every
 * mix of modifications, insertions, deletions, duplicates of clean examples included): D' = D - R + I for
 * every removed set R and inserted multiset I of at most maxRadius examples, its size r(D, D') = max(n, n')
 * - |D ∩ D'| computed from the multiplicities. D's that differ by a renaming of clean contents or of fresh
 * contents have the same bag distributions up to that renaming, so one of each is kept.
 *
 * <p>For each D', every draw of k positions (all k-tuples with replacement, all tuples of distinct positions
 * without) is enumerated and mapped to the sequence of contents the learner sees: a bag's probability under
 * D and under D' is the number of draws giving it over the number of draws. The base classifier is any
 * (randomized) function of the bag: x_A(bag) and x_B(bag) in [0, 1] with x_A + x_B <= 1 (the rest to other
 * classes). The worst one consistent with P_D(A) >= p_A and P_D(c) <= p_B for every c != A minimizes
 * P_D'(A) - P_D'(B), a linear program whose two constraints separate (Neyman–Pearson): A takes the bags with
 * the smallest ratio P_D'/P_D first until its D mass is p_A, B takes the bags D never draws and then the
 * largest ratios up to D mass p_B. With p_A + p_B <= 1 (p_B clipped to 1 - p_A, exact since P_D(B) <= 1 -
 * P_D(A)) the two take disjoint D mass from the two ends of the same order, so the separate optima are one
 * classifier. The test checks this against a general LP solver, and the classifier itself is built
 * ({@link #witness}) so that every refutation comes with its counterexample.
 */
final class BruteForceBagging {
  final int n;
  final int k;
  final boolean withReplacement;
  final int maxRadius;
  final List<Poisoned> poisoned = new ArrayList<>();

  /** A bag's number of draws from D and from D'. */
  record Bag(long clean, long poisoned) {}

  /**
   * One poisoned set: its multiplicities over the n + maxRadius contents, size, poisoning size, whether the
   * bagging is defined on it (n' >= 1, and n' >= k without replacement), the numbers of draws, and its bags
   * in order of increasing ratio P_D'/P_D (bags with P_D = 0 last).
   */
  record Poisoned(int[] multiplicity, int size, int distance, boolean defined, long cleanDraws, long poisonedDraws,
      Bag[] bags, long[] cleanPrefix, long[] poisonedPrefix, int positive) {}

  BruteForceBagging(int n, int k, boolean withReplacement, int maxRadius) {
    this.n = n;
    this.k = k;
    this.withReplacement = withReplacement;
    this.maxRadius = maxRadius;
    int universe = n + maxRadius;
    int[] clean = new int[universe];
    Arrays.fill(clean, 0, n, 1);
    Map<String, int[]> seen = new LinkedHashMap<>();
    for (int[] removed : subsets(n, maxRadius)) {
      for (int[] inserted : multisets(universe, maxRadius)) {
        int[] m = clean.clone();
        for (int i : removed) {
          m[i]--;
        }
        for (int i : inserted) {
          m[i]++;
        }
        if (distance(clean, m) <= maxRadius) {
          seen.putIfAbsent(canonical(m), m);
        }
      }
    }
    Map<String, Long> cleanBags = bags(clean);
    for (int[] m : seen.values()) {
      poisoned.add(build(clean, cleanBags, m));
    }
  }

  /**
   * The largest radius r <= maxRadius at which no D' within poisoning size r can make the worst classifier
   * predict another class than A, or -1 when even D itself does not certify A (p_A <= p_B).
   */
  int radius(BigFraction pA, BigFraction pB) {
    int firstFailure = maxRadius + 1;
    for (Poisoned p : poisoned) {
      if (p.distance() < firstFailure && !certified(p, pA, pB)) {
        firstFailure = p.distance();
      }
    }
    return firstFailure - 1;
  }

  /** The worst classifier keeps A at D' (strictly above every other class). */
  boolean certified(Poisoned p, BigFraction pA, BigFraction pB) {
    if (!p.defined()) {
      return false;
    }
    BigFraction[] m = worstMasses(p, pA, clip(pA, pB));
    return m[0].compareTo(m[1]) > 0;
  }

  static BigFraction clip(BigFraction pA, BigFraction pB) {
    BigFraction notA = BigFraction.ONE.subtract(pA);
    return pB.compareTo(notA) > 0 ? notA : pB;
  }

  /** {P_D'(A), P_D'(B)} of the worst classifier (Neyman–Pearson, as in the class comment). */
  static BigFraction[] worstMasses(Poisoned p, BigFraction pA, BigFraction pB) {
    Bag[] bags = p.bags();
    BigFraction drawsD = new BigFraction(p.cleanDraws());
    // A: the smallest ratios first, up to D mass p_A (in draws: pA * cleanDraws).
    BigFraction needA = pA.multiply(drawsD);
    BigFraction top = take(p.cleanPrefix(), p.poisonedPrefix(), bags, 0, p.positive(), needA, true);
    // B: every bag D never draws, then the largest ratios, up to D mass p_B.
    long free = p.poisonedPrefix()[bags.length] - p.poisonedPrefix()[p.positive()];
    BigFraction budgetB = pB.multiply(drawsD);
    BigFraction runnerUp = take(p.cleanPrefix(), p.poisonedPrefix(), bags, 0, p.positive(), budgetB, false)
        .add(free);
    BigFraction drawsDPrime = new BigFraction(p.poisonedDraws());
    return new BigFraction[] {top.divide(drawsDPrime), runnerUp.divide(drawsDPrime)};
  }

  /**
   * The D' draws collected by taking bags [from, to) whole, in increasing ratio (ascending) or decreasing,
   * until their D draws reach {@code amount}, the last one in part.
   */
  private static BigFraction take(long[] cleanPrefix, long[] poisonedPrefix, Bag[] bags, int from, int to,
      BigFraction amount, boolean ascending) {
    if (amount.compareTo(BigFraction.ZERO) <= 0) {
      return BigFraction.ZERO;
    }
    // Whole bags: the longest run whose D draws stay <= amount.
    int lo = 0;
    int hi = to - from;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (amount.compareTo(new BigFraction(sumClean(cleanPrefix, from, to, mid, ascending))) >= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    long wholeClean = sumClean(cleanPrefix, from, to, lo, ascending);
    long wholePoisoned = ascending ? poisonedPrefix[from + lo] - poisonedPrefix[from]
        : poisonedPrefix[to] - poisonedPrefix[to - lo];
    BigFraction got = new BigFraction(wholePoisoned);
    BigFraction rest = amount.subtract(new BigFraction(wholeClean));
    if (lo < to - from && rest.compareTo(BigFraction.ZERO) > 0) {
      Bag next = bags[ascending ? from + lo : to - lo - 1];
      got = got.add(rest.multiply(new BigFraction(next.poisoned(), next.clean())));
    }
    return got;
  }

  private static long sumClean(long[] prefix, int from, int to, int count, boolean ascending) {
    return ascending ? prefix[from + count] - prefix[from] : prefix[to] - prefix[to - count];
  }

  /**
   * The worst classifier itself, as fractions x_A(bag), x_B(bag) per bag of {@code p.bags()}: built by
   * walking the bags one by one (not by the prefix sums above), so a test can check it is a classifier,
   * that it meets the bounds at D and that its masses at D' are those of {@link #worstMasses}.
   */
  static BigFraction[][] witness(Poisoned p, BigFraction pA, BigFraction pB) {
    Bag[] bags = p.bags();
    BigFraction[] xA = new BigFraction[bags.length];
    BigFraction[] xB = new BigFraction[bags.length];
    Arrays.fill(xA, BigFraction.ZERO);
    Arrays.fill(xB, BigFraction.ZERO);
    BigFraction need = pA.multiply(p.cleanDraws());
    for (int i = 0; i < p.positive() && need.compareTo(BigFraction.ZERO) > 0; i++) {
      BigFraction c = new BigFraction(bags[i].clean());
      BigFraction x = need.compareTo(c) >= 0 ? BigFraction.ONE : need.divide(c);
      xA[i] = x;
      need = need.subtract(x.multiply(c));
    }
    for (int i = p.positive(); i < bags.length; i++) {
      xB[i] = BigFraction.ONE;
    }
    BigFraction budget = pB.multiply(p.cleanDraws());
    for (int i = p.positive() - 1; i >= 0 && budget.compareTo(BigFraction.ZERO) > 0; i--) {
      BigFraction c = new BigFraction(bags[i].clean());
      BigFraction x = budget.compareTo(c) >= 0 ? BigFraction.ONE : budget.divide(c);
      xB[i] = x;
      budget = budget.subtract(x.multiply(c));
    }
    return new BigFraction[][] {xA, xB};
  }

  private Poisoned build(int[] clean, Map<String, Long> cleanBags, int[] m) {
    int size = Arrays.stream(m).sum();
    boolean defined = size >= 1 && (withReplacement || size >= k);
    Map<String, Long> poisonedBags = defined ? bags(m) : Map.of();
    Map<String, long[]> union = new HashMap<>();
    cleanBags.forEach((bag, c) -> union.computeIfAbsent(bag, b -> new long[2])[0] = c);
    poisonedBags.forEach((bag, c) -> union.computeIfAbsent(bag, b -> new long[2])[1] = c);
    List<Bag> list = new ArrayList<>();
    for (long[] c : union.values()) {
      list.add(new Bag(c[0], c[1]));
    }
    // Increasing P_D'/P_D = (poisoned / poisonedDraws) / (clean / cleanDraws): the draws' totals are common
    // factors, so poisoned / clean orders them; bags with clean = 0 go last.
    list.sort(Comparator.comparing((Bag b) -> b.clean() == 0)
        .thenComparing((x, y) -> x.clean() == 0 ? 0
            : Long.compare(x.poisoned() * y.clean(), y.poisoned() * x.clean())));
    Bag[] bags = list.toArray(new Bag[0]);
    long[] cleanPrefix = new long[bags.length + 1];
    long[] poisonedPrefix = new long[bags.length + 1];
    int positive = 0;
    for (int i = 0; i < bags.length; i++) {
      cleanPrefix[i + 1] = cleanPrefix[i] + bags[i].clean();
      poisonedPrefix[i + 1] = poisonedPrefix[i] + bags[i].poisoned();
      if (bags[i].clean() > 0) {
        positive = i + 1;
      }
    }
    return new Poisoned(m, size, distance(clean, m), defined, cleanPrefix[bags.length],
        poisonedPrefix[bags.length], bags, cleanPrefix, poisonedPrefix, positive);
  }

  /** Number of draws of k positions giving each content sequence (the key), from multiplicities m. */
  private Map<String, Long> bags(int[] m) {
    List<Integer> positions = new ArrayList<>();
    for (int content = 0; content < m.length; content++) {
      for (int copy = 0; copy < m[content]; copy++) {
        positions.add(content);
      }
    }
    Map<String, Long> out = new HashMap<>();
    draw(positions, new int[k], new boolean[positions.size()], 0, out);
    return out;
  }

  private void draw(List<Integer> positions, int[] drawn, boolean[] used, int depth, Map<String, Long> out) {
    if (depth == k) {
      int[] contents = new int[k];
      for (int i = 0; i < k; i++) {
        contents[i] = positions.get(drawn[i]);
      }
      out.merge(Arrays.toString(contents), 1L, Long::sum);
      return;
    }
    for (int pos = 0; pos < positions.size(); pos++) {
      if (!withReplacement && used[pos]) {
        continue;
      }
      used[pos] = true;
      drawn[depth] = pos;
      draw(positions, drawn, used, depth + 1, out);
      used[pos] = false;
    }
  }

  /** r(D, D') = max(n, n') - |D ∩ D'|, multisets. */
  static int distance(int[] clean, int[] poisoned) {
    int n = 0;
    int nPrime = 0;
    int common = 0;
    for (int i = 0; i < clean.length; i++) {
      n += clean[i];
      nPrime += poisoned[i];
      common += Math.min(clean[i], poisoned[i]);
    }
    return Math.max(n, nPrime) - common;
  }

  /** The multiset up to renaming clean contents among themselves and fresh ones among themselves. */
  private String canonical(int[] m) {
    int[] cleanPart = Arrays.copyOfRange(m, 0, n);
    int[] freshPart = Arrays.copyOfRange(m, n, m.length);
    Arrays.sort(cleanPart);
    Arrays.sort(freshPart);
    return Arrays.toString(cleanPart) + Arrays.toString(freshPart);
  }

  /** Every subset of {0 .. n-1} of at most r elements. */
  private static List<int[]> subsets(int n, int r) {
    List<int[]> out = new ArrayList<>();
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) <= r) {
        int[] s = new int[Integer.bitCount(mask)];
        int j = 0;
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            s[j++] = i;
          }
        }
        out.add(s);
      }
    }
    return out;
  }

  /** Every multiset of at most r elements of {0 .. u-1}, as sorted arrays. */
  private static List<int[]> multisets(int u, int r) {
    List<int[]> out = new ArrayList<>();
    out.add(new int[0]);
    List<int[]> last = List.of(new int[0]);
    for (int size = 1; size <= r; size++) {
      List<int[]> next = new ArrayList<>();
      for (int[] s : last) {
        int from = s.length == 0 ? 0 : s[s.length - 1];
        for (int i = from; i < u; i++) {
          int[] t = Arrays.copyOf(s, size);
          t[size - 1] = i;
          next.add(t);
        }
      }
      out.addAll(next);
      last = next;
    }
    return out;
  }
}
