package org.smoothcert.smoothing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smoothcert.data.Examples;

class ClassifierNoiseTest {
  /** Fingerprint of classifier 7's noise under seed 42 on {@link #fixture()}, recorded once. */
  private static final String GOLDEN = "train=-992489471 labels=-1303506201 test=1280910946 learner=-7808792269414533737";

  static Examples fixture() {
    int count = 50;
    int dim = 40;
    byte[] features = new byte[count * dim];
    byte[] labels = new byte[count];
    for (int i = 0; i < features.length; i++) {
      features[i] = (byte) ((i * 7) % 3 == 0 ? 1 : 0);
    }
    for (int i = 0; i < count; i++) {
      labels[i] = (byte) (i % 3);
    }
    return new Examples(count, dim, 2, 3, features, labels);
  }

  static String fingerprint(long seed, long j) {
    Examples clean = fixture();
    ClassifierNoise noise = new ClassifierNoise(seed, 0.9);
    byte[] features = new byte[clean.features().length];
    byte[] labels = new byte[clean.count()];
    byte[] test = new byte[clean.features().length];
    noise.noiseTrain(j, clean, features, labels);
    noise.noiseTest(j, clean, test);
    return "train=" + Arrays.hashCode(features) + " labels=" + Arrays.hashCode(labels)
        + " test=" + Arrays.hashCode(test) + " learner=" + noise.learnerSeed(j);
  }

  /** Prints the fingerprint, for the fresh-JVM test. */
  public static void main(String[] args) {
    System.out.println(fingerprint(Long.parseLong(args[0]), Long.parseLong(args[1])));
  }

  @Test
  void noiseOfClassifierJDependsOnlyOnSeedAndJ() {
    assertEquals(fingerprint(42, 7), fingerprint(42, 7));
    assertFalse(fingerprint(42, 7).equals(fingerprint(42, 8)));
    assertFalse(fingerprint(42, 7).equals(fingerprint(43, 7)));
  }

  @Test
  void noiseIsTheRecordedOneInThisJvm() {
    assertEquals(GOLDEN, fingerprint(42, 7));
  }

  @Test
  void noiseIsTheRecordedOneInAFreshJvm() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ClassifierNoiseTest.class.getName(), "42", "7").redirectErrorStream(true).start();
    String line;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      line = r.readLine();
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue());
    assertEquals(GOLDEN, line);
  }

  @Test
  void buffersAreOverwrittenNotAccumulated() {
    Examples clean = fixture();
    ClassifierNoise noise = new ClassifierNoise(1, 0.9);
    byte[] f1 = new byte[clean.features().length];
    byte[] l1 = new byte[clean.count()];
    noise.noiseTrain(3, clean, f1, l1);
    byte[] f2 = f1.clone();
    byte[] l2 = l1.clone();
    noise.noiseTrain(5, clean, f2, l2);
    noise.noiseTrain(3, clean, f2, l2);
    assertArrayEquals(f1, f2);
    assertArrayEquals(l1, l2);
  }

  @Test
  void labelsStayInTheirDomainAndPartsAreIndependent() {
    Examples clean = fixture();
    ClassifierNoise noise = new ClassifierNoise(9, 0.5);
    byte[] features = new byte[clean.features().length];
    byte[] labels = new byte[clean.count()];
    byte[] test = new byte[clean.features().length];
    noise.noiseTrain(0, clean, features, labels);
    noise.noiseTest(0, clean, test);
    for (byte l : labels) {
      assertTrue(l >= 0 && l < 3);
    }
    assertFalse(Arrays.equals(features, test), "train and test features must use different streams");
  }
}
