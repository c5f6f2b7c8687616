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
    if (isDecimal(t, 0, t.length())) {
      return decimal(t, 0, t.length());
    }
    if (NON_FINITE.matcher(t).matches()) {
      String lower = t.toLowerCase(java.util.Locale.ROOT);
      return lower.contains("nan") ? Double.NaN : lower.startsWith("-") ? Double.NEGATIVE_INFINITY
          : Double.POSITIVE_INFINITY;
    }
    return null;
  }

  /** Whether {@code s[from, to)} is a plain decimal: [+-]?(digits[.digits?]|.digits)([eE][+-]?digits)?. */
  public static boolean isDecimal(CharSequence s, int from, int to) {
    int i = from;
    if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int start = i;
    i = digits(s, i, to);
    int whole = i - start;
    int fraction = 0;
    if (i < to && s.charAt(i) == '.') {
      int f = i + 1;
      i = digits(s, f, to);
      fraction = i - f;
    }
    if (whole == 0 && fraction == 0) {
      return false;
    }
    if (i < to && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < to && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int e = i;
      i = digits(s, e, to);
      if (i == e) {
        return false;
      }
    }
    return i == to;
  }

  private static int digits(CharSequence s, int from, int to) {
    int i = from;
    while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  /**
   * {@code Double.parseDouble} of a plain decimal {@code s[from, to)} ({@link #isDecimal}), the same
   * double: computed at once where at most 15 significant digits and a power of ten up to 22 make it
   * exact in one rounding (Clinger's fast path), else by parseDouble.
   */
  public static double decimal(String s, int from, int to) {
    int i = from;
    boolean negative = s.charAt(i) == '-';
    if (negative || s.charAt(i) == '+') {
      i++;
    }
    long m = 0;
    int significant = 0;
    int scale = 0;
    boolean point = false;
    boolean fast = true;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (significant > 0 || c != '0') {
          significant++;
        }
        m = m * 10 + (c - '0');
        scale += point ? 1 : 0;
      } else if (c == '.') {
        point = true;
      } else {
        break;
      }
    }
    if (significant > 15) {
      fast = false;
    } else if (i < to) {
      i++;
      boolean down = s.charAt(i) == '-';
      if (down || s.charAt(i) == '+') {
        i++;
      }
      if (to - i > 3) {
        fast = false;
      } else {
        int e = 0;
        for (; i < to; i++) {
          e = e * 10 + (s.charAt(i) - '0');
        }
        scale += down ? e : -e;
      }
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
