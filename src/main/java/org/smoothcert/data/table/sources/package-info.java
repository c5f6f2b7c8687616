/**
 * The table room's readers that need Spark: LibSVM, CSV and Parquet through Spark's own DataFrame
 * readers, on a Spark session of the driver's own, returning plain-Java cells to {@code data.table},
 * which checks, draws and discretizes them. The only room besides the engine, the CLI and the benchmarks that
 * may use Spark SQL.
 */
package org.smoothcert.data.table.sources;
