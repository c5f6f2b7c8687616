/**
 * The table room's readers of files: CSV (univocity's parser, as Spark sets it), Parquet (parquet-hadoop's
 * column readers) and LibSVM (a parser of its own), all through Hadoop's file systems and without Spark,
 * returning plain-Java cells to {@code data.table}, which checks, draws and discretizes them. Each gives
 * what Spark's own reader of its format gives, {@code spark.tables} being the reference they are checked
 * against.
 */
package org.smoothcert.data.table.sources;
