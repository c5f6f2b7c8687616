package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartitionCertificateTest {
  @ParameterizedTest(name = "{0} -> top {1}, radius {2}, modifications {3}")
  @CsvSource({
      "'5,3,0', 0, 1, 0", // B = 1: (5 - 3) / 2 = 1
      "'3,5', 1, 0, 0", // B = 0 < A wins ties: (5 - 3 - 1) / 2 = 0
      "'4,4', 0, 0, 0", // a tie goes to the smaller index, which no change may afford
      "'7,2,2', 0, 2, 1",
      "'2,2,7', 2, 2, 1", // B = 0: (7 - 2 - 1) / 2 = 2
      "'0,9,0,1', 1, 4, 2", // B = 3: (9 - 1) / 2 = 4; B = 0: (9 - 0 - 1) / 2 = 4
      "'0,10,0,1', 1, 4, 2", // B = 0: (10 - 0 - 1) / 2 = 4; B = 3: (10 - 1) / 2 = 4
      "'0,11,0,1', 1, 5, 2",
      "'1,0', 0, 0, 0",
      "'0,1', 1, 0, 0",
      "'1000,0,0', 0, 500, 250",
      "'600,400', 0, 100, 50"})
  void radiusByHand(String counts, int top, long radius, long modifications) {
    long[] c = Arrays.stream(counts.split(",")).mapToLong(Long::parseLong).toArray();
    assertEquals(top, PartitionCertificate.top(c));
    assertEquals(radius, PartitionCertificate.radius(c));
    assertEquals(modifications, PartitionCertificate.modificationRadius(c));
  }

  /**
   * Every count vector of N parts (up to 10 for 2 classes, 8 for 3, 6 for 4): the fewest parts whose votes,
   * changed in every possible way, change the plurality (computed here from the votes of the parts, ties to
   * the smaller index) is radius + 1. Each insertion or removal changes at most one part, so the radius in
   * insertions plus removals is certified, and it is tight.
   */
  @ParameterizedTest(name = "classes={0} parts<={1}")
  @CsvSource({"2,10", "3,8", "4,6"})
  void radiusIsOneLessThanTheFewestChangedVotesThatChangeThePrediction(int classes, int maxParts) {
    int vectors = 0;
    for (int parts = 1; parts <= maxParts; parts++) {
      for (int[] votes : voteVectors(parts, classes)) {
        long[] counts = counts(votes, classes);
        int top = plurality(votes, classes);
        assertEquals(top, PartitionCertificate.top(counts), Arrays.toString(counts));
        int fewest = fewestChangesThatFlip(votes, classes, top);
        assertEquals(fewest - 1, PartitionCertificate.radius(counts), Arrays.toString(counts));
        vectors++;
      }
    }
    assertTrue(vectors > 40, "vectors " + vectors);
  }

  /**
   * Literal attacks in the unit of bagging: r operations, each a modification (an example leaves part p and
   * its modified content lands in part q, any two parts: the attacker picks the content, so the hash), an
   * insertion (into any part) or a deletion (from any part). Every sequence of r <= 2 operations on N <= 5
   * parts, then every new vote of the parts it touched: the prediction changes first at
   * r = modificationRadius + 1.
   */
  @ParameterizedTest(name = "classes={0} parts<={1}")
  @CsvSource({"2,5", "3,5"})
  void modificationRadiusAgainstEveryAttackOfAtMostTwoOperations(int classes, int maxParts) {
    for (int parts = 1; parts <= maxParts; parts++) {
      List<Integer> touchedByOne = touchedSets(parts, 1);
      List<Integer> touchedByTwo = touchedSets(parts, 2);
      for (int[] votes : voteVectors(parts, classes)) {
        long[] counts = counts(votes, classes);
        int top = plurality(votes, classes);
        long certified = PartitionCertificate.modificationRadius(counts);
        boolean flipsAtOne = anyFlips(votes, classes, top, touchedByOne);
        boolean flipsAtTwo = anyFlips(votes, classes, top, touchedByTwo);
        int firstFlip = flipsAtOne ? 1 : flipsAtTwo ? 2 : 3;
        assertEquals(Math.min(certified + 1, 3), firstFlip, Arrays.toString(counts));
      }
    }
  }

  /**
   * Training sets as multisets of contents, each in part h(x) = x mod N: for every D' within poisoning size
   * 2 of D (removals, insertions, duplicates, fresh contents of every part), the parts whose training
   * multisets differ number at most |D ⊖ D'| <= 2 r(D, D'), and 2 r is reached: the two counts the
   * certificate uses.
   */
  @Test
  void changedPartsAreBoundedByTheSymmetricDifferenceAndTwiceThePoisoningSize() {
    int examples = 4;
    int parts = 3;
    int universe = examples + 6;
    int[] clean = new int[universe];
    Arrays.fill(clean, 0, examples, 1);
    int[] mostChanged = new int[3];
    for (int removed = 0; removed < (1 << examples); removed++) {
      if (Integer.bitCount(removed) > 2) {
        continue;
      }
      for (int a = -1; a < universe; a++) {
        for (int b = a; b < universe; b++) {
          int[] poisoned = clean.clone();
          for (int i = 0; i < examples; i++) {
            if ((removed & (1 << i)) != 0) {
              poisoned[i]--;
            }
          }
          if (a >= 0) {
            poisoned[a]++;
          }
          if (b >= 0) {
            poisoned[b]++;
          }
          int r = BruteForceBagging.distance(clean, poisoned);
          if (r > 2) {
            continue;
          }
          int symmetric = 0;
          for (int x = 0; x < universe; x++) {
            symmetric += Math.abs(clean[x] - poisoned[x]);
          }
          boolean[] changed = new boolean[parts];
          for (int x = 0; x < universe; x++) {
            if (clean[x] != poisoned[x]) {
              changed[x % parts] = true;
            }
          }
          int changedParts = 0;
          for (boolean c : changed) {
            changedParts += c ? 1 : 0;
          }
          assertTrue(changedParts <= symmetric && symmetric <= 2 * r,
              "changed " + changedParts + ", |D ⊖ D'| " + symmetric + ", r " + r);
          mostChanged[r] = Math.max(mostChanged[r], changedParts);
        }
      }
    }
    assertEquals(0, mostChanged[0]);
    assertEquals(2, mostChanged[1], "one modification can change two parts");
    assertEquals(3, mostChanged[2], "two modifications change every part of 3");
  }

  @Test
  void rejectsCountsThatAreNotAVote() {
    assertThrows(IllegalArgumentException.class, () -> PartitionCertificate.radius(new long[] {5}));
    assertThrows(IllegalArgumentException.class, () -> PartitionCertificate.radius(new long[] {0, 0}));
    assertThrows(IllegalArgumentException.class, () -> PartitionCertificate.radius(new long[] {3, -1}));
  }

  /** The plurality of the parts' votes, ties to the smaller class, counted afresh. */
  private static int plurality(int[] votes, int classes) {
    int[] tally = new int[classes];
    for (int v : votes) {
      tally[v]++;
    }
    int best = classes - 1;
    for (int c = classes - 2; c >= 0; c--) {
      if (tally[c] >= tally[best]) {
        best = c;
      }
    }
    return best;
  }

  private static long[] counts(int[] votes, int classes) {
    long[] counts = new long[classes];
    for (int v : votes) {
      counts[v]++;
    }
    return counts;
  }

  /** The fewest parts whose new votes (every assignment) change the plurality; parts + 1 if none. */
  private static int fewestChangesThatFlip(int[] votes, int classes, int top) {
    int parts = votes.length;
    int fewest = parts + 1;
    for (int set = 1; set < (1 << parts); set++) {
      int size = Integer.bitCount(set);
      if (size < fewest && flips(votes, classes, top, set)) {
        fewest = size;
      }
    }
    return fewest;
  }

  private static boolean anyFlips(int[] votes, int classes, int top, List<Integer> touched) {
    for (int set : touched) {
      if (flips(votes, classes, top, set)) {
        return true;
      }
    }
    return false;
  }

  /** Some assignment of new votes to the parts in {@code set} changes the plurality. */
  private static boolean flips(int[] votes, int classes, int top, int set) {
    int[] members = new int[Integer.bitCount(set)];
    int j = 0;
    for (int p = 0; p < votes.length; p++) {
      if ((set & (1 << p)) != 0) {
        members[j++] = p;
      }
    }
    int[] changed = votes.clone();
    int assignments = (int) Math.pow(classes, members.length);
    for (int a = 0; a < assignments; a++) {
      int code = a;
      for (int p : members) {
        changed[p] = code % classes;
        code /= classes;
      }
      if (plurality(changed, classes) != top) {
        return true;
      }
    }
    return false;
  }

  /** The sets of parts (bitmasks) that r operations can touch: modification (p, q), insertion q, deletion p. */
  private static List<Integer> touchedSets(int parts, int operations) {
    List<Integer> single = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      for (int q = 0; q < parts; q++) {
        single.add((1 << p) | (1 << q)); // a modification; p == q stays in its part
      }
      single.add(1 << p); // an insertion or a deletion
    }
    List<Integer> sets = new ArrayList<>(List.of(0));
    for (int i = 0; i < operations; i++) {
      List<Integer> next = new ArrayList<>();
      for (int s : sets) {
        for (int t : single) {
          if (!next.contains(s | t)) {
            next.add(s | t);
          }
        }
      }
      sets = next;
    }
    return sets;
  }

  /**
   * One vote vector per count vector of N parts over the classes (parts sorted by vote: which part votes
   * what does not matter to the plurality, and every part may still be changed).
   */
  private static List<int[]> voteVectors(int parts, int classes) {
    List<int[]> out = new ArrayList<>();
    compositions(parts, classes, new int[classes], 0, out);
    return out;
  }

  private static void compositions(int left, int classes, int[] counts, int c, List<int[]> out) {
    if (c == classes - 1) {
      counts[c] = left;
      int[] votes = new int[Arrays.stream(counts).sum()];
      int i = 0;
      for (int k = 0; k < classes; k++) {
        for (int j = 0; j < counts[k]; j++) {
          votes[i++] = k;
        }
      }
      out.add(votes);
      return;
    }
    for (int here = 0; here <= left; here++) {
      counts[c] = here;
      compositions(left - here, classes, counts, c + 1, out);
    }
  }
}
