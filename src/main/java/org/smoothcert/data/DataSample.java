package org.smoothcert.data;

import java.util.List;

/**
 * The examples a run trains on, its test examples, its validation examples (none unless asked for),
 * which of the two it certifies, and where they all came from (IDX files or a table).
 */
public record DataSample(Examples train, Examples test, Examples validation, CertifiedPoints certifiedPoints,
    SampleOrigin origin) {
  /** The examples the run votes on and certifies. */
  public Examples certified() {
    return certifiedPoints == CertifiedPoints.VALIDATION ? validation : test;
  }

  /** Each certified example's index among the rows (images) of its source, in the order of its rows. */
  public List<Integer> certifiedSourceIndices() {
    return origin.sourceIndices(certifiedPoints);
  }

  /** Where a sample read from IDX files came from; not for a table's sample. */
  public Provenance provenance() {
    if (origin instanceof Provenance p) {
      return p;
    }
    throw new IllegalStateException("a table's sample has no IDX provenance: " + origin);
  }
}
