package org.smoothcert.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.smoothcert.UserError;

/**
 * Command-line options of one subcommand: {@code --name value}, {@code --name=value} and bare flags.
 * Every value is parsed and range-checked here, so that a bad argument gives one line naming it.
 * Repeatable options (e.g. {@code --set k=v}) keep all their values in order.
 */
public final class Args {
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Set<String> flags = new TreeSet<>();
  private final Set<String> used = new TreeSet<>();

  private Args() {}

  /**
   * Parses {@code argv}. {@code flagNames} are options that take no value; every other option takes
   * exactly one.
   */
  public static Args parse(String[] argv, Set<String> flagNames) {
    Args args = new Args();
    for (int i = 0; i < argv.length; i++) {
      String word = argv[i];
      if (!word.startsWith("--") || word.length() == 2) {
        throw new UserError("unexpected argument '" + word + "' (options look like --name value)");
      }
      String name = word.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flagNames.contains(name)) {
        if (value != null) {
          throw new UserError("--" + name + " takes no value");
        }
        args.flags.add(name);
        continue;
      }
      if (value == null) {
        if (i + 1 >= argv.length) {
          throw new UserError("--" + name + " needs a value");
        }
        value = argv[++i];
      }
      args.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return args;
  }

  public boolean flag(String name) {
    used.add(name);
    return flags.contains(name);
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** All values of a repeatable option, in order; empty when absent. */
  public List<String> all(String name) {
    used.add(name);
    return values.getOrDefault(name, List.of());
  }

  public String string(String name, String fallback) {
    used.add(name);
    List<String> v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v.size() > 1) {
      throw new UserError("--" + name + " given " + v.size() + " times");
    }
    return v.get(0);
  }

  public String requireString(String name) {
    String v = string(name, null);
    if (v == null) {
      throw new UserError("missing --" + name);
    }
    return v;
  }

  public double requireDouble(String name) {
    return parseDouble(name, requireString(name));
  }

  public double doubleOr(String name, double fallback) {
    String v = string(name, null);
    return v == null ? fallback : parseDouble(name, v);
  }

  public long requireLong(String name) {
    return parseLong(name, requireString(name));
  }

  public long longOr(String name, long fallback) {
    String v = string(name, null);
    return v == null ? fallback : parseLong(name, v);
  }

  public int requireInt(String name) {
    return toInt(name, requireLong(name));
  }

  public int intOr(String name, int fallback) {
    return toInt(name, longOr(name, fallback));
  }

  /** Call after reading every option: anything given but never asked for is a typo. */
  public void rejectUnknown() {
    for (String name : values.keySet()) {
      if (!used.contains(name)) {
        throw new UserError("unknown option --" + name);
      }
    }
    for (String name : flags) {
      if (!used.contains(name)) {
        throw new UserError("unknown option --" + name);
      }
    }
  }

  private double parseDouble(String name, String v) {
    try {
      double d = Double.parseDouble(v.trim());
      if (Double.isNaN(d)) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UserError("--" + name + " must be a number, got '" + v + "'");
    }
  }

  private long parseLong(String name, String v) {
    try {
      return Long.parseLong(v.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UserError("--" + name + " must be a whole number, got '" + v + "'");
    }
  }

  private int toInt(String name, long v) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new UserError("--" + name + " is out of range: " + v);
    }
    return (int) v;
  }
}
