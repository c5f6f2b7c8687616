package org.smoothcert.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CertificationResultTest {
  private static final int ABSTAIN = L0Certificate.ABSTAIN;

  @Test
  void certifiedShareCountsWrongLabelsTooButNotAbstentions() {
    Certificate[] certificates = {
        new Certificate(0, 2, new Certificate.TopClass(0, 99), new Certificate.Bounds(0.99, 0.01)), // correct, r = 2
        new Certificate(1, 1, new Certificate.TopClass(1, 98), new Certificate.Bounds(0.98, 0.02)), // wrong (true label 0), r = 1
        new Certificate(1, 0, new Certificate.TopClass(1, 90), new Certificate.Bounds(0.9, 0.1)), // correct, r = 0
        new Certificate(ABSTAIN, ABSTAIN, new Certificate.TopClass(0, 50), new Certificate.Bounds(0.4, 0.6))};
    int[] truth = {0, 0, 1, 0};
    double[] curve = CertifiedAccuracy.curve(certificates, truth, 3);
    CertificationResult result = new CertificationResult(certificates, truth, null, curve);
    assertEquals(0.75, result.certifiedShareAt(0));
    assertEquals(0.5, result.certifiedShareAt(1));
    assertEquals(0.25, result.certifiedShareAt(2));
    assertEquals(0.0, result.certifiedShareAt(3));
    assertEquals(0.5, result.accuracyAt(0));
    assertEquals(0.25, result.accuracyAt(1));
  }
}
