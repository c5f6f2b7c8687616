package org.smoothcert.data;

import java.util.List;

/** Where a {@link DataSample} came from, for the run's summary: IDX files or a table. */
public sealed interface SampleOrigin permits Provenance, TableProvenance {
  /** Each test or validation example's index among the rows (images) of its source, in the order of its rows. */
  List<Integer> sourceIndices(CertifiedPoints points);
}
