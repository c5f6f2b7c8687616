package org.smoothcert.data;

/**
 * Configuration values by key name, each already read and range-checked by {@code config.ConfigKeys}
 * (which the data and model rooms may not import): what {@link DataSpec#from}, {@link TableSpec#from} and
 * {@code model.MlpConfig.from} build their records from, each reading its own keys by the names it declares.
 */
public interface KeyValues {
  /**
   * The value of {@code key}, of the type config declares for it (a whole-number key gives an Integer or a
   * Long, a list key a List).
   */
  <T> T read(String key);
}
