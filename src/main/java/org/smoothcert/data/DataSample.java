package org.smoothcert.data;

/** The examples a run trains and certifies on, and where they came from. */
public record DataSample(Examples train, Examples test, SampleOrigin origin) {
  /** Where a sample read from IDX files came from; not for a table's sample. */
  public Provenance provenance() {
    if (origin instanceof Provenance p) {
      return p;
    }
    throw new IllegalStateException("a table's sample has no IDX provenance: " + origin);
  }
}
