package org.smoothcert.data.idx;

import java.util.Arrays;
import org.smoothcert.UserError;
import org.smoothcert.data.DigitSelection;

/**
 * The examples of the chosen digits in one split.
 *
 * @param indices source indices of the chosen examples, ascending
 * @param availablePerClass how many there are of each class (in the order of the digits)
 * @param otherDigits how many examples of the split were skipped
 */
public record DigitPool(LabelledImages split, int[] indices, int[] availablePerClass, int otherDigits) {
  /** The examples of the chosen digits in one split, in source order. */
  public static DigitPool of(DigitSelection selection, LabelledImages split) {
    int[] available = new int[selection.classes()];
    int[] indices = new int[split.count()];
    int kept = 0;
    for (int i = 0; i < split.count(); i++) {
      int c = selection.classOf(split.label(i));
      if (c != DigitSelection.NOT_CHOSEN) {
        available[c]++;
        indices[kept++] = i;
      }
    }
    for (int c = 0; c < selection.classes(); c++) {
      if (available[c] == 0) {
        throw new UserError(split.files().labels() + ": no example of digit " + selection.digits().get(c)
            + " in the " + split.split() + " split");
      }
    }
    return new DigitPool(split, Arrays.copyOf(indices, kept), available, split.count() - kept);
  }
}
