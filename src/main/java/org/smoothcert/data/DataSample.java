package org.smoothcert.data;

/**
 * The examples a run trains on, its test examples, its validation examples (none unless asked for),
 * which of the two it certifies, and where they all came from.
 */
public record DataSample(Examples train, Examples test, Examples validation, CertifiedPoints certifiedPoints,
    Provenance provenance) {
  /** The examples the run votes on and certifies. */
  public Examples certified() {
    return certifiedPoints == CertifiedPoints.VALIDATION ? validation : test;
  }

  /** Where the certified examples came from. */
  public Provenance.Side certifiedSide() {
    return certifiedPoints == CertifiedPoints.VALIDATION ? provenance.validation() : provenance.test();
  }
}
