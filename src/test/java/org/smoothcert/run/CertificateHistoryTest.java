package org.smoothcert.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smoothcert.UserError;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;

class CertificateHistoryTest {
  static final CertificateHistory.Look N10K = new CertificateHistory.Look(10_000, 0.001, "{\"alpha\":0.001}");
  static final CertificateHistory.Look N20K = new CertificateHistory.Look(20_000, 0.001, "{\"alpha\":0.001}");
  static final CertificateHistory.Look N5K_LOOSE = new CertificateHistory.Look(5_000, 0.01, "{\"alpha\":0.01}");

  @Test
  void aFirstCertificateHasNoCaution() {
    CertificateHistory none = CertificateHistory.empty();
    assertNull(none.warning(N10K));
    assertTrue(none.with(N10K).others(N10K).isEmpty());
    assertNull(none.with(N10K).warning(N10K), "the same certificate computed again is not another look");
    CertificateHistory once = none.with(N10K);
    assertSame(once, once.with(N10K));
  }

  @Test
  void raisingNAfterLookingCostsTheUnionOfTheAlphas() {
    CertificateHistory seen = CertificateHistory.empty().with(N10K);
    String warning = seen.warning(N20K);
    assertTrue(warning.contains("N was raised from 10,000 to 20,000 after the votes of N = 10,000 were certified"),
        warning);
    assertTrue(warning.contains("at least 1 - 0.002 = 0.998 (union bound), not 1 - 0.001"), warning);
    assertEquals(0.998, seen.with(N20K).jointConfidence(), 1e-12);
    assertEquals(List.of(N10K), seen.with(N20K).others(N20K));

    CertificateHistory three = seen.with(N20K).with(N5K_LOOSE);
    assertEquals(1 - 0.012, three.jointConfidence(), 1e-12);
    assertTrue(three.warning(N5K_LOOSE).contains("N = 5,000 was certified on votes already certified with N = 20,000 in this directory"),
        three.warning(N5K_LOOSE));
    CertificateHistory.Look otherAlpha = new CertificateHistory.Look(10_000, 0.01, "{\"alpha\":0.01}");
    assertTrue(seen.warning(otherAlpha).contains("certified before under other certify settings"));
  }

  @Test
  void rendersAndParsesBack() {
    CertificateHistory h = CertificateHistory.empty().with(N10K).with(N20K).with(N5K_LOOSE);
    assertEquals(h, CertificateHistory.parse(h.render(), "certificates.tsv"));
    assertEquals(CertificateHistory.empty(), CertificateHistory.parse("", "x"));
    // An alpha with more digits than a message shows reads back as the same certificate, not a new look.
    CertificateHistory.Look fine = new CertificateHistory.Look(10_000, 0.00123456789, "{\"alpha\":0.00123456789}");
    CertificateHistory once = CertificateHistory.empty().with(fine);
    assertNull(CertificateHistory.parse(once.render(), "x").warning(fine));
  }

  @Test
  void aDamagedHistoryIsOneLineNotAGuess() {
    String text = CertificateHistory.empty().with(N10K).render() + "12x\t0.001\t{}\n";
    UserError e = assertThrows(UserError.class, () -> CertificateHistory.parse(text, "run/certificates.tsv"));
    assertTrue(e.getMessage().startsWith("run/certificates.tsv line 4 is damaged"), e.getMessage());
    assertThrows(UserError.class, () -> CertificateHistory.parse("10\t1.5\t{}\n", "x"));
    assertThrows(UserError.class, () -> CertificateHistory.parse("10\t0.001\n", "x"));
  }

  @Test
  void theLookOfAConfigIsItsNAlphaAndCertifySection() {
    RunConfig config = RunConfig.defaults();
    CertificateHistory.Look look = CertificateHistory.Look.of(config);
    assertEquals(config.smoothing().classifiers(), look.classifiers());
    assertEquals(config.certify().alpha(), look.alpha());
    assertTrue(look.settings().contains("\"alpha\""), look.settings());
    assertEquals(look, CertificateHistory.Look.of(RunConfig.defaults()), "the same config, the same look");
  }

  @Test
  void aLookCountsTheAlphaItsCertificateProves() {
    // The paper's protocol (alpha / m, no class split, two classes) proves 1 - 2 alpha: its look costs 2 alpha.
    RunConfig paper = RunConfig.defaults().with(ConfigKeys.CLASS_SPLIT, false);
    CertificateHistory.Look look = CertificateHistory.Look.of(paper);
    assertEquals(0.002, look.alpha(), 1e-15);
    CertificateHistory.Look split = CertificateHistory.Look.of(RunConfig.defaults());
    assertEquals(1 - 0.003, CertificateHistory.empty().with(look).with(split).jointConfidence(), 1e-12);
    // A history written before, with the nominal alpha, is the same certificate: not a new look, and it counts
    // at what it proves.
    CertificateHistory.Look nominal = new CertificateHistory.Look(look.classifiers(), 0.001, look.settings());
    CertificateHistory old = CertificateHistory.empty().with(nominal);
    assertNull(old.warning(look));
    assertEquals(0.998, old.with(look).jointConfidence(), 1e-12);
  }

  @org.junit.jupiter.api.Test
  void theTriggerSizeIsNoNewLookButAnotherAlphaIs() {
    org.smoothcert.config.RunConfig flip = org.smoothcert.config.RunConfig.defaults();
    // A directory made before certify.trigger-size existed: its look's settings without the key.
    CertificateHistory.Look before = CertificateHistory.Look.of(flip);
    org.junit.jupiter.api.Assertions.assertFalse(before.settings().contains("trigger"), before.settings());
    org.smoothcert.config.RunConfig bagflip = org.smoothcert.config.RunConfig.from(flip.source()
        .withValue("smoothing.scheme", com.typesafe.config.ConfigValueFactory.fromAnyRef("bagflip"))
        .withValue("smoothing.bag-size", com.typesafe.config.ConfigValueFactory.fromAnyRef(10)));
    org.smoothcert.config.RunConfig s1 = bagflip.with(org.smoothcert.config.ConfigKeys.TRIGGER_SIZE, 1);
    org.smoothcert.config.RunConfig s4 = bagflip.with(org.smoothcert.config.ConfigKeys.TRIGGER_SIZE, 4);
    org.junit.jupiter.api.Assertions.assertEquals(CertificateHistory.Look.of(s1), CertificateHistory.Look.of(s4));
    org.junit.jupiter.api.Assertions.assertNotEquals(CertificateHistory.Look.of(s1),
        CertificateHistory.Look.of(s1.with(org.smoothcert.config.ConfigKeys.ALPHA, 0.01)));
  }
}
