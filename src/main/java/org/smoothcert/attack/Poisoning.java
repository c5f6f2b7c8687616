package org.smoothcert.attack;

import java.util.stream.IntStream;
import org.smoothcert.data.Examples;

/** Copies of a data set with some rows changed; the original is never modified. */
final class Poisoning {
  private Poisoning() {}

  /** {@code set} with the labels of {@code rows} switched to {@code target}. */
  static Examples relabelled(Examples set, int[] rows, int target) {
    byte[] labels = set.labels().clone();
    for (int row : rows) {
      labels[row] = (byte) target;
    }
    return new Examples(set.count(), set.domains(), set.classes(), set.features(), labels);
  }

  /** {@code set} with {@code trigger} written into {@code rows}. */
  static Examples triggered(Examples set, int[] rows, Trigger trigger) {
    byte[] features = set.features().clone();
    for (int row : rows) {
      trigger.applyTo(features, row * set.dim());
    }
    return new Examples(set.count(), set.domains(), set.classes(), features, set.labels());
  }

  /** Every row of {@code set}. */
  static int[] allRows(Examples set) {
    return IntStream.range(0, set.count()).toArray();
  }
}
