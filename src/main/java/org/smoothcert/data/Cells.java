package org.smoothcert.data;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * What a table's cells say: a text cell as a number (strictly decimal: no hex, no type suffix, no
 * thousands separator), and a value's spelling as a label or category, so that 1, 1.0 and "1" are one
 * class whichever reader produced them.
 */
public final class Cells {
  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
      1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  private static final Pattern NON_FINITE = Pattern.compile("(?i)[+-]?(nan|inf|infinity)");

  private Cells() {}

  /**
   * The number a text cell spells, or null when it spells none. The spellings of NaN and infinity give
   * those values, so that the caller can say which fault it is.
   */
  public static Double number(String text) {
    String t = text.strip();
    double plain = decimal(t, 0, t.length());
    if (!Double.isNaN(plain)) {
      return plain;
    }
    if (NON_FINITE.matcher(t).matches()) {
      String lower = t.toLowerCase(java.util.Locale.ROOT);
      return lower.contains("nan") ? Double.NaN : lower.startsWith("-") ? Double.NEGATIVE_INFINITY
          : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  /**
   * A plain decimal's value ({@code [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?}, nothing around
   * it), or NaN when {@code text} is not one: the double {@code Double.parseDouble} gives, computed at
   * once where at most 15 significant digits and a power of ten up to 22 make it exact in one rounding
   * (Clinger's fast path), else by parseDouble.
   */
  public static double decimal(String s, int from, int to) {
    int i = from;
    boolean negative = i < to && s.charAt(i) == '-';
    if (negative || i < to && s.charAt(i) == '+') {
      i++;
    }
    long m = 0;
    int digits = 0;
    int significant = 0;
    int scale = 0;
    boolean point = false;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (significant > 0 || c != '0') {
          significant++;
        }
        m = m * 10 + (c - '0');
        scale += point ? 1 : 0;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    boolean fast = significant <= 15;
    if (i < to) {
      char e = s.charAt(i++);
      if (e != 'e' && e != 'E') {
        return Double.NaN;
      }
      boolean down = i < to && s.charAt(i) == '-';
      if (down || i < to && s.charAt(i) == '+') {
        i++;
      }
      if (i == to) {
        return Double.NaN;
      }
      int exponent = 0;
      for (int start = i; i < to; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return Double.NaN;
        }
        fast &= i - start < 3;
        exponent = exponent * 10 + (c - '0');
      }
      scale += down ? exponent : -exponent;
    }
    if (fast && scale >= -22 && scale <= 22) {
      double v = scale >= 0 ? m / POWERS_OF_TEN[scale] : m * POWERS_OF_TEN[-scale];
      return negative ? -v : v;
    }
    return Double.parseDouble(s.substring(from, to));
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
