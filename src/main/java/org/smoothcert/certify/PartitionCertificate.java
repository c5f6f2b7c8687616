package org.smoothcert.certify;

/**
 * The deterministic certificate of partition aggregation against data poisoning (Deep Partition
 * Aggregation: Levine, Feizi, ICLR 2021, "Deep partition aggregation: provable defenses against general
 * poisoning attacks", Theorem 1), from the vote counts alone: no sampling, no confidence level.
 *
 * <p><b>Setting.</b> The training set D is cut into N disjoint parts by a hash of each example's content
 * (features and label): example x goes to part h(x). Classifier i trains on part i only, as a
 * deterministic function of i and of that part's multiset of examples (its seed depends on i only, and
 * the order it sees the examples in must be canonical, e.g. sorted by hash, not their positions in the
 * training file: otherwise an insertion elsewhere would reorder every part). The prediction is the
 * plurality of the N votes, ties to the smaller class index ({@link #top}).
 *
 * <p><b>Theorem 1 (restated with its proof), unit: insertions plus removals.</b> Let D' be any training
 * set and s = |D ⊖ D'| the size of the multiset symmetric difference (examples removed plus examples
 * inserted). Every example of D ⊖ D' lies in one part, so at most s parts differ between D and D', and
 * the other classifiers vote as before. A changed vote moves n_A - n_B by at most 2 (from A to B). So with
 * counts n_c of the clean votes and A = top, A is still the prediction at D' if, for every B != A,
 * n_A - s > n_B + s, or n_A - s = n_B + s with A < B; that is 2 s <= n_A - n_B - [B < A], so
 *
 * <pre>
 *   radius = min_{B != A} floor((n_A - n_B - [B < A]) / 2)        ({@link #radius})
 * </pre>
 *
 * insertions plus removals are certified. It is tight over all learners: radius + 1 parts that voted A
 * (there are that many, as radius + 1 <= n_A), each now voting the worst B, change the prediction.
 *
 * <p><b>Modifications.</b> A modified example (x replaced by x') is one removal and one insertion, and
 * because the part is chosen by the content's hash, x' may go to another part than x: one modification
 * can change two classifiers. The attacker chooses the content, so he can choose the part (any small
 * change of x' moves its hash), and the worst case is two. In the unit of {@link BaggingCertificate}, the
 * poisoning size r = max(n, n') - |D ∩ D'| (each modified, inserted or deleted example counts one), the
 * symmetric difference is s = (n - |D ∩ D'|) + (n' - |D ∩ D'|) <= 2 r, so every D' with 2 r <= radius
 * keeps the prediction:
 *
 * <pre>
 *   modificationRadius = floor(radius / 2) = min_{B != A} floor((n_A - n_B - [B < A]) / 4)
 * </pre>
 *
 * ({@link #modificationRadius}). It is tight over all learners when the parts that vote A are not empty:
 * r + 1 modifications, each moving an example out of one A-voting part into another, change 2 r + 2 >
 * radius votes. The paper's Theorem 1 is stated in insertions plus removals (compare its figures in that
 * unit); compare with bagging in modifications, where an insertion or a deletion alone also counts one.
 */
public final class PartitionCertificate {
  /** What {@link #radius} counts, for reports and axes (the paper's unit). */
  public static final String UNIT = "training examples inserted plus removed (a modification counts two)";
  /** What {@link #modificationRadius} counts: the unit of {@link BaggingCertificate}. */
  public static final String MODIFICATION_UNIT = BaggingCertificate.UNIT;

  private PartitionCertificate() {}

  /**
   * The certificate a run uses: {@link #modificationRadius}, in the unit every poisoned-examples scheme
   * shares (examples modified, inserted or deleted, each counting one).
   */
  public static final CountCertificate MODIFICATIONS = (votes, point, top, max) -> {
    long[] counts = new long[votes.classes()];
    for (int c = 0; c < counts.length; c++) {
      counts[c] = votes.count(point, c);
    }
    if (top(counts) != top) {
      throw new IllegalStateException("the certified class is not the plurality with ties to the smaller index");
    }
    return (int) Math.min(max, modificationRadius(counts));
  };

  /** The plurality class, ties to the smaller class index (the rule the radius assumes). */
  public static int top(long[] counts) {
    check(counts);
    int best = 0;
    for (int c = 1; c < counts.length; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The certified number of insertions plus removals (Theorem 1): min over B != A of
   * floor((n_A - n_B - [B < A]) / 2), with A = {@link #top}. Never negative: the plurality is always
   * predicted, and radius 0 certifies only the clean training set.
   */
  public static long radius(long[] counts) {
    int a = top(counts);
    long best = Long.MAX_VALUE;
    for (int b = 0; b < counts.length; b++) {
      if (b != a) {
        long gap = counts[a] - counts[b] - (b < a ? 1 : 0);
        best = Math.min(best, Math.floorDiv(gap, 2));
      }
    }
    return best;
  }

  /**
   * The certified number of examples modified, inserted and/or deleted, each counting one (the unit of
   * {@link BaggingCertificate}): floor(radius / 2), since a modification may move an example to another
   * part and change two votes.
   */
  public static long modificationRadius(long[] counts) {
    return radius(counts) / 2;
  }

  private static void check(long[] counts) {
    if (counts.length < 2) {
      throw new IllegalArgumentException("need the votes of at least 2 classes, got " + counts.length);
    }
    long total = 0;
    for (long c : counts) {
      if (c < 0) {
        throw new IllegalArgumentException("vote counts must be >= 0, got " + c);
      }
      total += c;
    }
    if (total == 0) {
      throw new IllegalArgumentException("no votes");
    }
  }
}
