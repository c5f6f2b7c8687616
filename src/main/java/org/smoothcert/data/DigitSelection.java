package org.smoothcert.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.smoothcert.UserError;

/**
 * The source labels ("digits") to keep, in class order: digits 1,7 become classes 0 and 1. Examples
 * with any other label are skipped.
 */
public final class DigitSelection {
  /** The class of a label that is not chosen. */
  public static final int NOT_CHOSEN = -1;

  private final List<Integer> digits;
  private final int[] classOfLabel;

  /**
   * @param option the config key or CLI option the digits came from, named in error messages
   */
  public DigitSelection(List<Integer> digits, int sourceClasses, String option) {
    if (sourceClasses < 2 || sourceClasses > 256) {
      throw new IllegalArgumentException("sourceClasses must be in [2, 256]: " + sourceClasses);
    }
    if (digits == null || digits.isEmpty()) {
      throw new UserError(option + ": choose at least one digit");
    }
    if (new HashSet<>(digits).size() != digits.size()) {
      throw new UserError(option + ": a digit is chosen twice in " + digits);
    }
    classOfLabel = new int[sourceClasses];
    Arrays.fill(classOfLabel, NOT_CHOSEN);
    for (int c = 0; c < digits.size(); c++) {
      int digit = digits.get(c);
      if (digit < 0 || digit >= sourceClasses) {
        throw new UserError(option + ": digit " + digit + " is not a class of the source (0 to "
            + (sourceClasses - 1) + ")");
      }
      classOfLabel[digit] = c;
    }
    this.digits = List.copyOf(digits);
  }

  /** Parses a comma-separated list such as {@code 1,7}. */
  public static DigitSelection parse(String text, int sourceClasses, String option) {
    List<Integer> digits = new ArrayList<>();
    for (String word : text.split(",", -1)) {
      try {
        digits.add(Integer.parseInt(word.strip()));
      } catch (NumberFormatException e) {
        throw new UserError(option + ": expected digits separated by commas, like 1,7; got '" + text + "'");
      }
    }
    return new DigitSelection(digits, sourceClasses, option);
  }

  /** The chosen source labels; the i-th becomes class i. */
  public List<Integer> digits() {
    return digits;
  }

  public int classes() {
    return digits.size();
  }

  public int sourceClasses() {
    return classOfLabel.length;
  }

  /** The class a source label becomes, or {@link #NOT_CHOSEN}. */
  public int classOf(int label) {
    return classOfLabel[label];
  }

  /** The chosen digits as typed: {@code 1,7}. */
  @Override
  public String toString() {
    return digits.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
