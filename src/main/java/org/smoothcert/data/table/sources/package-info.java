/**
 * The table room's readers that need Spark: LibSVM, CSV and Parquet through Spark's own DataFrame
 * readers, on the driver's own Spark session (built, like every session, by spark.SparkSessions),
 * returning plain-Java cells to {@code data.table}, which checks, draws and discretizes them. The only
 * room besides the engine, the CLI and the benchmarks that may use Spark SQL.
 */
package org.smoothcert.data.table.sources;
