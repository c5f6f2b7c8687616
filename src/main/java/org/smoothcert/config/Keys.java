package org.smoothcert.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import java.util.List;
import org.smoothcert.UserError;

/**
 * Typed reads of config keys, for {@link Key}. Every failure is a {@link UserError} naming the key, the
 * value and where it came from.
 */
public final class Keys {
  private Keys() {}

  public static double getDouble(Config c, String key) {
    try {
      return c.getDouble(key);
    } catch (ConfigException e) {
      throw wrong(c, key, "a number");
    }
  }

  /** A whole number: 1.5 is rejected, never truncated. */
  public static long getLong(Config c, String key) {
    try {
      Number n = c.getNumber(key);
      if (n instanceof Double || n instanceof Float) {
        double d = n.doubleValue();
        if (d != Math.rint(d)) {
          throw wrong(c, key, "a whole number");
        }
        // Beyond 2^53 a number written with an exponent or a decimal point no longer names one integer.
        if (Math.abs(d) > (1L << 53)) {
          throw wrong(c, key, "a whole number from -2^53 to 2^53 when written with an exponent or a decimal"
              + " point (digits alone reach -2^63 to 2^63 - 1)");
        }
        return (long) d;
      }
      return n.longValue();
    } catch (ConfigException e) {
      throw wrong(c, key, "a whole number");
    }
  }

  public static int getInt(Config c, String key) {
    long v = getLong(c, key);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw wrong(c, key, "a whole number in the int range");
    }
    return (int) v;
  }

  public static boolean getBoolean(Config c, String key) {
    try {
      return c.getBoolean(key);
    } catch (ConfigException e) {
      throw wrong(c, key, "true or false");
    }
  }

  public static String getString(Config c, String key) {
    try {
      String s = c.getString(key);
      if (s.isBlank()) {
        throw new UserError(key + " must not be empty");
      }
      return s;
    } catch (ConfigException e) {
      throw wrong(c, key, "a string");
    }
  }

  public static String getOptionalString(Config c, String key) {
    try {
      return c.getString(key);
    } catch (ConfigException e) {
      throw wrong(c, key, "a string");
    }
  }

  public static List<String> getStringList(Config c, String key) {
    try {
      return c.getStringList(key);
    } catch (ConfigException e) {
      throw wrong(c, key, "a list like [a, b]");
    }
  }

  public static List<Integer> getIntList(Config c, String key) {
    try {
      return c.getIntList(key);
    } catch (ConfigException e) {
      throw wrong(c, key, "a list of whole numbers like [1, 7]");
    }
  }

  /** A value outside its key's range or allowed values: "key must be RULE, got VALUE (ORIGIN)". */
  static UserError outOfRange(Config c, String key, String rule, Object got) {
    return new UserError(key + " must be " + rule + ", got " + got + " (" + origin(c.getValue(key)) + ")");
  }

  /** Where a value came from: "file.conf: 12" or "--set key=value". */
  static String origin(com.typesafe.config.ConfigValue value) {
    String d = value.origin().description();
    return d.startsWith("--set ") ? d.replaceFirst(": \\d+$", "") : d;
  }

  private static UserError wrong(Config c, String key, String expected) {
    String got;
    String origin = "";
    try {
      got = c.getValue(key).render(ConfigRenderOptions.concise());
      origin = " (" + origin(c.getValue(key)) + ")";
    } catch (ConfigException e) {
      got = "nothing";
    }
    return new UserError(key + " must be " + expected + ", got " + got + origin);
  }
}
