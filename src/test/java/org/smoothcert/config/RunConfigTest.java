package org.smoothcert.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;
import org.smoothcert.model.MlpImplementation;

class RunConfigTest {
  static RunConfig load(String... sets) {
    return RunConfig.from(ConfigLoader.load(null, List.of(sets), new Configuration()));
  }

  @Test
  void defaultsAreThePaperSettingWithTheClassSplit() {
    RunConfig c = load();
    assertEquals(0.9, c.smoothing().beta());
    assertEquals(10_000, c.smoothing().classifiers());
    assertEquals(0.001, c.certify().alpha());
    assertTrue(c.certify().classSplit());
    assertEquals(List.of(1, 7), c.data().digits());
    assertEquals(100, c.data().trainSize());
    assertEquals(1000, c.data().testSize());
    assertEquals(2, c.featureDomain());
    assertEquals(0, c.learner().hidden());
    assertEquals(1.0, c.learner().l2());
    assertTrue(!c.learner().isMllibsMlp());
    assertEquals(MlpImplementation.FAST, c.learner().implementation());
    assertEquals("data/mnist-1-7", c.data().dir());
  }

  /**
   * The paper config is the default except where the README and both files say: alpha / m without the
   * class split (the paper's protocol); the learner is the same (chosen on validation points).
   */
  @Test
  void paperConfigDiffersFromTheDefaultOnlyInItsDocumentedKeys() {
    Path paper = Path.of(System.getProperty("smoothcert.basedir", "."), "conf", "paper-mnist-1-7.conf");
    com.typesafe.config.Config file = ConfigLoader.load(paper.toString(), List.of(), new Configuration());
    com.typesafe.config.Config defaults = ConfigLoader.defaults();
    java.util.Set<String> differing = new java.util.TreeSet<>();
    for (var e : defaults.entrySet()) {
      if (!file.getValue(e.getKey()).unwrapped().equals(e.getValue().unwrapped())) {
        differing.add(e.getKey());
      }
    }
    assertEquals(java.util.Set.of("certify.class-split", "certify.runner-up", "job.out"), differing);
    RunConfig c = RunConfig.from(file);
    assertTrue(!c.certify().classSplit());
  }

  @Test
  void fileThenOverridesWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.conf");
    Files.writeString(file, "smoothing { beta = 0.8, classifiers = 50 }\nseed = 7\n");
    RunConfig c = RunConfig.from(ConfigLoader.load(file.toString(), List.of("smoothing.classifiers=60"),
        new Configuration()));
    assertEquals(0.8, c.smoothing().beta());
    assertEquals(60, c.smoothing().classifiers());
    assertEquals(7, c.seed());
  }

  /** Values of another type, bad digits, retired and unknown keys; values out of range: ConfigKeysTest. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "smoothing.beta=abc | smoothing.beta",
      "data.digits=[1] | data.digits",
      "data.digits=[1,12] | data.digits",
      "learner.implementation=sparse | learner.implementation = fast",
      "learner.optimizer=arrays | learner.optimizer",
      "learner.optimizer=breeze | learner.implementation alone",
      "learner.optimizer=lbfgs | learner.optimizer",
      "smoothing.betta=0.9 | smoothing.betta",
      "colour=red | colour",
      "seed=x | seed",
      "seed=1.5 | seed",
      "smoothing.classifiers=10.7 | smoothing.classifiers",
      "learner.hidden=8.5 | learner.hidden",
  })
  void badValuesAreRejectedNamingTheKey(String set, String key) {
    UserError e = assertThrows(UserError.class, () -> load(set));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  /**
   * A run directory's stored config may spell the learner the old way: it still loads (its votes can be
   * re-certified) and keeps its text, the learner read as today's path of the pair; a mixed pair, which
   * no run trains any more, as the path with its cost (re-certifying trains nothing).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "implementation = sparse, optimizer = arrays | FAST",
      "implementation = mllib, optimizer = breeze  | MLLIB",
      "implementation = mllib                      | MLLIB",
      "implementation = sparse                     | FAST",
      "implementation = sparse, optimizer = breeze | FAST",
      "implementation = mllib, optimizer = arrays  | MLLIB",
      "implementation = fast                       | FAST",
  })
  void aStoredConfigMayUseTheOldLearnerSpelling(String learner, MlpImplementation expected) {
    RunConfig c = RunConfig.from(ConfigLoader.parseStored("learner { " + learner + " }", "stored config.conf"));
    assertEquals(expected, c.learner().implementation());
    assertEquals(learner.contains("optimizer"), c.render().contains("optimizer"), c.render());
  }

  @Test
  void unknownKeyMessageListsTheKnownOnes() {
    UserError e = assertThrows(UserError.class, () -> load("smoothing.betta=0.9"));
    assertTrue(e.getMessage().contains("beta, classifiers"), e.getMessage());
  }

  @Test
  void missingConfigFileIsAClearError() {
    UserError e = assertThrows(UserError.class,
        () -> ConfigLoader.load("/nonexistent/x.conf", List.of(), new Configuration()));
    assertTrue(e.getMessage().contains("/nonexistent/x.conf"), e.getMessage());
  }

  @Test
  void identityIgnoresNAlphaAndSlicingButNotTheNoise() {
    String sha = "abc";
    assertEquals(load().votesIdentity(sha), load("smoothing.classifiers=5", "certify.alpha=0.01", "job.slices=9",
        "job.out=elsewhere").votesIdentity(sha));
    assertEquals(load().votesIdentity(sha), load("smoothing.beta=0.90").votesIdentity(sha));
    assertNotEquals(load().votesIdentity(sha), load("smoothing.beta=0.8").votesIdentity(sha));
    assertNotEquals(load().votesIdentity(sha), load("seed=1").votesIdentity(sha));
    assertNotEquals(load().votesIdentity(sha), load("learner.hidden=16").votesIdentity(sha));
    assertNotEquals(load().votesIdentity(sha), load("learner.implementation=mllib").votesIdentity(sha));
    assertNotEquals(load().votesIdentity(sha), load("learner.activation=relu").votesIdentity(sha));
    assertNotEquals(load().votesIdentity(sha), load("learner.l2=0.001").votesIdentity(sha));
    assertNotEquals(load().votesIdentity(sha), load().votesIdentity("def"));
  }

  /**
   * The votes identity of the defaults, key for key and spelled as the run directories made so far
   * store it: a stored identity must keep matching the configuration that made it.
   */
  @Test
  void identityOfTheDefaultsIsTheStoredOne() {
    Map<String, String> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("seed", "0"),
        Map.entry("data.digits", "[1, 7]"),
        Map.entry("data.train-size", "100"),
        Map.entry("data.test-size", "1000"),
        Map.entry("data.levels", "2"),
        Map.entry("data.source-classes", "10"),
        Map.entry("data.seed", "0"),
        Map.entry("data.sha256", "abc"),
        Map.entry("smoothing.beta", "0.9"),
        Map.entry("learner.hidden", "0"),
        Map.entry("learner.activation", "sigmoid"),
        Map.entry("learner.l2", "1.0"),
        Map.entry("learner.max-iter", "100"),
        Map.entry("learner.tol", "1.0E-6"),
        Map.entry("learner.lbfgs-memory", "10"),
        Map.entry("learner.block-size", "128"),
        Map.entry("learner.implementation", "fast"),
        Map.entry("votes-format", "1")));
    assertEquals(expected, load().votesIdentity("abc"));
  }

  /**
   * The validation size and the points certified decide the votes, so they separate identities; at the
   * values every earlier run had (none, test) they are left out, so earlier directories still match.
   */
  @Test
  void validationSizeAndCertifiedPointsSeparateIdentities() {
    Map<String, String> test = load().votesIdentity("abc");
    Map<String, String> testWithValidation = load("data.validation-size=50").votesIdentity("abc");
    Map<String, String> validation = load("data.validation-size=50", "data.certify-on=validation").votesIdentity("abc");
    Map<String, String> otherSize = load("data.validation-size=60", "data.certify-on=validation").votesIdentity("abc");
    assertEquals(java.util.Set.of(test, testWithValidation, validation, otherSize).size(), 4);
    assertEquals("50", testWithValidation.get("data.validation-size"));
    assertEquals("validation", validation.get("data.certify-on"));
    assertEquals(test, load("data.validation-size=0", "data.certify-on=test").votesIdentity("abc"));
    assertEquals(test, RunConfig.completeIdentity(test), "nothing is added to a stored identity without them");
  }

  /** Other values are spelled as before too: lists, negative and decimal numbers, the learner's names. */
  @Test
  void identityOfOtherValuesIsSpelledAsBefore() {
    Map<String, String> id = load("seed=-5", "data.seed=12", "data.digits=[3, 8, 0]", "data.levels=4",
        "smoothing.beta=0.75", "learner.hidden=0", "learner.activation=relu", "learner.l2=0.001", "learner.tol=1e-5",
        "learner.max-iter=7", "learner.implementation=mllib").votesIdentity("abc");
    assertEquals("-5", id.get("seed"));
    assertEquals("12", id.get("data.seed"));
    assertEquals("[3, 8, 0]", id.get("data.digits"));
    assertEquals("4", id.get("data.levels"));
    assertEquals("0.75", id.get("smoothing.beta"));
    assertEquals("0", id.get("learner.hidden"));
    assertEquals("relu", id.get("learner.activation"));
    assertEquals("0.001", id.get("learner.l2"));
    assertEquals("1.0E-5", id.get("learner.tol"));
    assertEquals("7", id.get("learner.max-iter"));
    assertEquals("mllib", id.get("learner.implementation"));
    assertEquals(load().votesIdentity("abc").keySet(), id.keySet());
  }

  /** A stored config in the old learner spelling has the identity of today's path. */
  @Test
  void identityOfAStoredOldSpellingIsTodays() {
    RunConfig stored = RunConfig.from(ConfigLoader.parseStored(
        "learner { implementation = sparse, optimizer = arrays }", "stored config.conf"));
    assertEquals(load().votesIdentity("abc"), stored.votesIdentity("abc"));
    RunConfig mllib = RunConfig.from(ConfigLoader.parseStored("learner { implementation = mllib }", "stored"));
    assertEquals(load("learner.implementation=mllib").votesIdentity("abc"), mllib.votesIdentity("abc"));
  }

  /**
   * The records are built from sections (issue 28) and still compare by value: the same keys give equal
   * records, another value an unequal one, and the two that travel to Spark's executors come back equal.
   */
  @Test
  void sectionedRecordsCompareByValueAndSurviveSerialization() throws Exception {
    RunConfig a = load("smoothing.scheme=bagflip", "smoothing.bag-size=50", "certify.trigger-size=1");
    RunConfig b = load("smoothing.scheme=bagflip", "smoothing.bag-size=50", "certify.trigger-size=1");
    assertEquals(a.input(), b.input());
    assertEquals(a.method(), b.method());
    assertEquals(a.method().hashCode(), b.method().hashCode());
    assertEquals(a, RunConfig.from(a.source()));
    assertNotEquals(a.method(), a.with(ConfigKeys.L2, 0.5).method());
    assertNotEquals(a.data(), a.with(ConfigKeys.VALIDATION_SIZE, 10).data());
    assertEquals(a.table(), a.table().withPaths((path, key) -> path));
    assertEquals(50, a.smoothing().bagSize());
    assertEquals(1, a.smoothing().triggerSize());
    for (Object record : List.of(a.smoothing(), a.learner())) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(record);
      }
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        assertEquals(record, in.readObject());
      }
    }
  }
}
