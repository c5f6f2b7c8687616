package org.smoothcert.data.table;

import java.util.Locale;

/**
 * How a table's real-valued feature columns become the discrete values the noise needs
 * ({@code data.discretize}). The bins are fitted on the training draw only, never on the test points.
 */
public enum Discretization {
  /** Two values: 1 where the value is at least {@code data.threshold}, else 0 (data.levels must be 2). */
  THRESHOLD,
  /** K bins of equal width between the column's smallest and largest value in the training draw. */
  UNIFORM,
  /** K bins holding about equally many of the training draw's values (edges at its k/K quantiles). */
  QUANTILE;

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
