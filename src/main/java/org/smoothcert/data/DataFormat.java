package org.smoothcert.data;

import java.util.Locale;

/**
 * How a run's data is stored ({@code data.format}): MNIST-style IDX files in a folder, or a table read
 * by {@code data.table.sources} (as Spark's own DataFrame readers read it, without Spark).
 */
public enum DataFormat {
  /** IDX images and labels in {@code data.dir} (read by {@link org.smoothcert.data.idx.MnistData}). */
  IDX,
  /** LibSVM text: a label, then {@code index:value} pairs, indices from 1 and ascending. */
  LIBSVM,
  /** Comma-separated values under a header line naming the columns. */
  CSV,
  /** Parquet files (a file, or a folder of them as Spark writes it). */
  PARQUET;

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A table rather than IDX files. */
  public boolean isTable() {
    return this != IDX;
  }
}
