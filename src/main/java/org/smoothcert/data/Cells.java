package org.smoothcert.data;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a table's cells say: a text cell as a number (strictly decimal: no hex, no type suffix, no
 * thousands separator), and a value's spelling as a label or category, so that 1, 1.0 and "1" are one
 * class whichever reader produced them.
 */
public final class Cells {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

  private Cells() {}

  /**
   * The number a text cell spells, or null when it spells none. The spellings of NaN and infinity give
   * those values, so that the caller can say which fault it is.
   */
  public static Double number(String text) {
    String t = text.strip();
    if (DECIMAL.matcher(t).matches()) {
      return Double.parseDouble(t);
    }
    if (NON_FINITE.matcher(t).matches()) {
      String lower = t.toLowerCase(java.util.Locale.ROOT);
      return lower.contains("nan") ? Double.NaN : lower.startsWith("-") ? Double.NEGATIVE_INFINITY
          : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  /** A number's spelling as a label: its shortest plain decimal ("1", "0.5", "1000"). */
  public static String spelling(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A text cell's spelling as a label: a finite number as {@link #spelling(double)}, other text stripped. */
  public static String spelling(String text) {
    Double n = number(text);
    return n != null && Double.isFinite(n) ? spelling(n) : text.strip();
  }

  /** Whether a spelling is a whole number (as every class of an integer class list must be). */
  public static boolean isWhole(String spelling) {
    Double n = number(spelling);
    return n != null && Double.isFinite(n) && n == Math.rint(n);
  }
}
