package org.smoothcert.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One configuration key as {@link ConfigKeys} declares it: its name, its type, the checks its value must
 * pass and whether it decides what a classifier votes. Its default and its documentation are not here:
 * they are in {@code conf/default.conf}, the only place a default is written.
 *
 * @param <T> the value's type once read
 */
public final class Key<T> {
  /** Whether a key is part of the votes identity: whether it changes what classifier j votes. */
  public enum Votes {
    DECIDES,
    /**
     * Decides the votes of a table's run only (it is not read for IDX files): an IDX run's identity, and
     * so the stamp on the slices of its run directories, stays what it was before tables were read.
     */
    DECIDES_FOR_TABLES,
    INDIFFERENT
  }

  /**
   * A rule a value must follow, written as the rest of "key must be ...".
   *
   * @param rule e.g. "at least 1", "in (0.0, 1.0)"
   */
  public record Check<T>(Predicate<T> accepts, String rule) {
    public static Check<Number> atLeast(long min) {
      return new Check<>(n -> n.longValue() >= min, "at least " + min);
    }

    public static Check<Number> atMost(long max) {
      return new Check<>(n -> n.longValue() <= max, "at most " + max);
    }

    public static Check<Number> within(long lo, long hi) {
      return new Check<>(n -> n.longValue() >= lo && n.longValue() <= hi, "in [" + lo + ", " + hi + "]");
    }

    /** lo < v < hi. */
    public static Check<Double> strictlyBetween(double lo, double hi) {
      return new Check<>(v -> v > lo && v < hi, "in (" + lo + ", " + hi + ")");
    }

    public static Check<Double> finiteNumber() {
      return new Check<>(Double::isFinite, "a finite number");
    }

    public static Check<Double> finiteAndNotNegative() {
      return new Check<>(v -> v >= 0 && !v.isInfinite(), "a finite number >= 0");
    }
  }

  private final String name;
  private final BiFunction<Config, String, T> type;
  private final Function<T, Object> written;
  private final List<Check<? super T>> checks;
  private final Votes votes;
  private final String leftOutOfIdentityAt;

  /**
   * @param type reads the value as its type, failing with the key, the value and its origin
   * @param written the value as HOCON would hold it (a number, a string, a list), e.g. an enum's spelling
   * @param leftOutOfIdentityAt the spelling of the value at which the votes identity leaves the key out, or null
   */
  private Key(String name, BiFunction<Config, String, T> type, Function<T, Object> written, Votes votes,
      List<Check<? super T>> checks, String leftOutOfIdentityAt) {
    this.name = name;
    this.type = type;
    this.written = written;
    this.votes = votes;
    this.checks = checks;
    this.leftOutOfIdentityAt = leftOutOfIdentityAt;
  }

  private Key(String name, BiFunction<Config, String, T> type, Function<T, Object> written, Votes votes,
      List<Check<? super T>> checks) {
    this(name, type, written, votes, checks, null);
  }

  /**
   * This key, left out of the votes identity while its value is {@code value}: for a key that joined the
   * identity after run directories were made, at the value they were all made with.
   */
  Key<T> leftOutOfIdentityAt(T value) {
    return new Key<>(name, type, written, votes, checks, String.valueOf(written.apply(value)));
  }

  @SafeVarargs
  static Key<Long> wholeNumber(String name, Votes votes, Check<? super Long>... checks) {
    return new Key<>(name, Keys::getLong, v -> v, votes, List.of(checks));
  }

  @SafeVarargs
  static Key<Integer> integer(String name, Votes votes, Check<? super Integer>... checks) {
    return new Key<>(name, Keys::getInt, v -> v, votes, List.of(checks));
  }

  @SafeVarargs
  static Key<Double> number(String name, Votes votes, Check<? super Double>... checks) {
    return new Key<>(name, Keys::getDouble, v -> v, votes, List.of(checks));
  }

  /**
   * A count of examples of at least 1, or {@code all} ({@code allValue}): the whole split, as the data
   * draws it.
   */
  static Key<Integer> sizeOrAll(String name, Votes votes, int allValue) {
    BiFunction<Config, String, Integer> type = (config, key) -> {
      if (config.hasPath(key) && config.getValue(key).valueType() == com.typesafe.config.ConfigValueType.STRING
          && config.getString(key).equals("all")) {
        return allValue;
      }
      int v = Keys.getInt(config, key);
      if (v < 1) {
        throw Keys.outOfRange(config, key, "at least 1, or all", v);
      }
      return v;
    };
    return new Key<>(name, type, v -> v == allValue ? "all" : v, votes, List.of());
  }

  static Key<Boolean> flag(String name, Votes votes) {
    return new Key<>(name, Keys::getBoolean, v -> v, votes, List.of());
  }

  /** A string that is not blank. */
  static Key<String> text(String name, Votes votes) {
    return new Key<>(name, Keys::getString, v -> v, votes, List.of());
  }

  /** A string that may be empty (e.g. a path that is not needed). */
  static Key<String> optionalText(String name, Votes votes) {
    return new Key<>(name, Keys::getOptionalString, v -> v, votes, List.of());
  }

  /** A list of strings (numbers in it are read as they are written), possibly empty. */
  static Key<List<String>> strings(String name, Votes votes) {
    return new Key<>(name, Keys::getStringList, v -> v, votes, List.of());
  }

  static Key<List<Integer>> integers(String name, Votes votes) {
    return new Key<>(name, Keys::getIntList, v -> v, votes, List.of());
  }

  /** One of {@code values}, each written as {@code spelling} gives it. */
  static <T> Key<T> choice(String name, Votes votes, T[] values, Function<T, String> spelling) {
    List<String> spellings = Arrays.stream(values).map(spelling).toList();
    int last = spellings.size() - 1;
    String rule = String.join(", ", spellings.subList(0, last)) + " or " + spellings.get(last);
    BiFunction<Config, String, T> type = (config, key) -> {
      String text = Keys.getString(config, key);
      Optional<T> value = Arrays.stream(values).filter(v -> spelling.apply(v).equals(text)).findFirst();
      return value.orElseThrow(() -> Keys.outOfRange(config, key, rule, text));
    };
    return new Key<>(name, type, v -> spelling.apply(v), votes, List.of());
  }

  public String name() {
    return name;
  }

  /** Whether the key decides the votes of a run that reads a table ({@code table}) or IDX files. */
  public boolean decidesVotes(boolean table) {
    return votes == Votes.DECIDES || table && votes == Votes.DECIDES_FOR_TABLES;
  }

  /** The value in {@code config}, of its type and checked: else a one-line error naming it. */
  public T read(Config config) {
    T value = type.apply(config, name);
    for (Check<? super T> check : checks) {
      if (!check.accepts().test(value)) {
        throw Keys.outOfRange(config, name, check.rule(), value);
      }
    }
    return value;
  }

  /** The value in {@code config} as the votes identity spells it, e.g. "0.9", "[1, 7]", "fast". */
  String spelled(Config config) {
    return String.valueOf(written.apply(read(config)));
  }

  /** Whether the votes identity of {@code config} names this key, one that decides its votes. */
  boolean inIdentity(Config config) {
    return !spelled(config).equals(leftOutOfIdentityAt);
  }

  /** {@code value} as a config value, its origin described as {@code origin}. */
  ConfigValue toConfigValue(T value, String origin) {
    return ConfigValueFactory.fromAnyRef(written.apply(value), origin);
  }

  @Override
  public String toString() {
    return name;
  }
}
