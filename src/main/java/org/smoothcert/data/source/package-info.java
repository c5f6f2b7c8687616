/**
 * Where a run's data comes from: IDX files ({@code data.idx}) or a table ({@code data.table}), as
 * {@code data.format} says, read on the driver without Spark.
 */
package org.smoothcert.data.source;
