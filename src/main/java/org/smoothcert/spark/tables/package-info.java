/**
 * Spark's own DataFrame readers of tables (CSV, Parquet, LibSVM) behind the data room's
 * {@code TableReader}: not used by a run (which reads with {@code data.table.sources}, without Spark),
 * kept as the reference those readers are checked against, row for row ({@code SparkTablesEquivalenceIT}).
 */
package org.smoothcert.spark.tables;
