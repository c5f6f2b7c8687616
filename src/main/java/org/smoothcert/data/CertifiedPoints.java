package org.smoothcert.data;

import java.util.Locale;

/**
 * Which examples a run certifies. The test examples give the results; the validation examples, drawn
 * from the training split, are for choosing settings: a setting chosen by looking at test points voids
 * what those test results claim.
 */
public enum CertifiedPoints {
  TEST, VALIDATION;

  /** The value as written in the config: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
