package org.smoothcert.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.RunConfigTest.load;

import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smoothcert.UserError;
import org.smoothcert.model.Activation;
import org.smoothcert.model.MlpConfig;
import org.smoothcert.model.MlpImplementation;

/**
 * The keys declared in {@link ConfigKeys} are exactly the keys of conf/default.conf, which gives each its
 * default and its documentation; and each declaration's checks refuse a bad value in one line naming the
 * key, the value and where it came from.
 */
class ConfigKeysTest {
  @Test
  void theDeclaredKeysAreDefaultConfsKeysInItsOrder() {
    Config defaults = ConfigLoader.defaults();
    List<String> inFile = defaults.entrySet().stream().map(Map.Entry::getKey)
        .sorted(Comparator.comparingInt(key -> defaults.getValue(key).origin().lineNumber())).toList();
    assertEquals(inFile, ConfigKeys.all().stream().map(Key::name).toList());
  }

  @Test
  void everyDeclaredKeyIsDocumentedInDefaultConf() {
    Config defaults = ConfigLoader.defaults();
    for (Key<?> key : ConfigKeys.all()) {
      assertTrue(defaults.hasPath(key.name()), key + " has no default in default.conf");
      List<String> comments = defaults.getValue(key.name()).origin().comments();
      assertFalse(String.join("", comments).isBlank(), key + " has no comment in default.conf");
    }
  }

  @Test
  void theDefaultsPassEveryCheck() {
    RunConfig defaults = RunConfig.defaults();
    for (Key<?> key : ConfigKeys.all()) {
      key.read(defaults.source());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "learner.hidden=-1            | learner.hidden must be at least 0, got -1 (--set learner.hidden=-1)",
      "learner.max-iter=0           | learner.max-iter must be at least 1, got 0 (--set learner.max-iter=0)",
      "learner.lbfgs-memory=0       | learner.lbfgs-memory must be at least 1, got 0",
      "learner.block-size=-1        | learner.block-size must be at least 1, got -1",
      "learner.l2=-1                | learner.l2 must be a finite number >= 0, got -1.0 (--set learner.l2=-1)",
      "learner.tol=-1               | learner.tol must be a finite number >= 0, got -1.0",
      "learner.tol=1e400            | learner.tol must be a finite number >= 0, got Infinity",
      "learner.activation=tanh      | learner.activation must be sigmoid or relu, got tanh (--set learner.ac",
      "learner.implementation=dense | learner.implementation must be fast or mllib, got dense",
      "certify.runner-up=maybe      | certify.runner-up must be auto, true or false, got maybe",
      "certify.alpha=0              | certify.alpha must be in (0.0, 1.0), got 0.0 (--set certify.alpha=0)",
      "certify.alpha=1.5            | certify.alpha must be in (0.0, 1.0), got 1.5",
      "certify.max-radius=2001      | certify.max-radius must be at most 2000, got 2001",
      "certify.selection-classifiers=-1 | certify.selection-classifiers must be at least 0, got -1",
      "smoothing.beta=1.5           | smoothing.beta must be in (0.0, 1.0), got 1.5 (--set smoothing.beta=1.5)",
      "smoothing.classifiers=0      | smoothing.classifiers must be at least 1, got 0",
      "smoothing.classifiers=3000000000 | smoothing.classifiers must be at most 2147483647, got 3000000000",
      "data.train-size=0            | data.train-size must be at least 1, or all, got 0",
      "data.test-size=-1            | data.test-size must be at least 1, or all, got -1",
      "data.levels=1                | data.levels must be in [2, 256], got 1",
      "data.levels=257              | data.levels must be in [2, 256], got 257",
      "data.source-classes=1        | data.source-classes must be in [2, 256], got 1",
      "data.source-classes=300      | data.source-classes must be in [2, 256], got 300",
      "data.dir=\" \"               | data.dir must not be empty",
      "data.validation-size=-1      | data.validation-size must be at least 0, got -1",
      "data.certify-on=train        | data.certify-on must be test or validation, got train (--set data.certify-on",
      "data.certify-on=validation   | data.certify-on = validation needs data.validation-size above 0",
      "job.slices=-1                | job.slices must be at least 0, got -1",
      "job.slices=100001            | job.slices must be at most 100000, got 100001",
  })
  void aBadValueIsRefusedNamingKeyValueAndOrigin(String set, String message) {
    UserError e = assertThrows(UserError.class, () -> load(set));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void aValueFromAFileIsTracedToItsLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.conf");
    Files.writeString(file, "seed = 1\nlearner { hidden = -3 }\n");
    UserError e = assertThrows(UserError.class,
        () -> RunConfig.from(ConfigLoader.load(file.toString(), List.of(), new Configuration())));
    assertEquals("learner.hidden must be at least 0, got -3 (" + file + ": 2)", e.getMessage());
  }

  /** One rule for beta above 1/d, whichever domain is the smaller. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "smoothing.beta=0.5; data.levels=2                      | smoothing.beta must be above 1/2 for a domain of 2",
      "smoothing.beta=0.3; data.levels=4; data.digits=[1,7,3] | smoothing.beta must be above 1/3 for a domain of 3",
  })
  void betaMustBeAboveOneOverTheSmallerDomain(String sets, String message) {
    UserError e = assertThrows(UserError.class, () -> load(sets.split("; ")));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
    assertEquals(0.3, load("smoothing.beta=0.3", "data.levels=4", "data.digits=[1,7,3,8]").smoothing().beta());
  }

  @Test
  void aValueSetInCodeIsCheckedAsAValueInAFile() {
    UserError e = assertThrows(UserError.class, () -> RunConfig.defaults().with(ConfigKeys.L2, Double.NaN));
    assertTrue(e.getMessage().startsWith("learner.l2 must be a finite number >= 0, got NaN"), e.getMessage());
    assertThrows(UserError.class, () -> RunConfig.defaults().with(ConfigKeys.HIDDEN, -1));
  }

  @Test
  void boundaryValuesAreAccepted() {
    RunConfig edge = RunConfig.defaults().with(ConfigKeys.HIDDEN, 0).with(ConfigKeys.L2, 0.0)
        .with(ConfigKeys.ACTIVATION, Activation.RELU)
        .with(ConfigKeys.MAX_ITER, 1).with(ConfigKeys.TOL, 0.0).with(ConfigKeys.LBFGS_MEMORY, 1)
        .with(ConfigKeys.BLOCK_SIZE, 1).with(ConfigKeys.IMPLEMENTATION, MlpImplementation.MLLIB);
    assertEquals(new MlpConfig(new MlpConfig.Network(0, Activation.RELU), new MlpConfig.Training(0.0, 1, 0.0, 1),
        new MlpConfig.Execution(1, MlpImplementation.MLLIB)), edge.learner());
    assertEquals(MlpImplementation.FAST, load("learner.implementation=fast").learner().implementation());
  }
}
