package org.smoothcert.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.model.MlpConfig;

/**
 * A run directory made before a key joined the votes identity is read as having the value that key
 * implied then: it resumes under the matching configuration and is refused, naming the key, under any
 * other.
 */
class RunDirectoryIdentityTest {
  @TempDir
  Path tmp;

  private static Map<String, String> identity(String... sets) {
    return RunConfig.from(ConfigLoader.load(null, java.util.List.of(sets), new Configuration()))
        .votesIdentity("0123abcd");
  }

  @Test
  void anIdentityWrittenBeforeTheLaterKeysMeansTheirOldValues() {
    Map<String, String> old = new TreeMap<>(identity());
    old.keySet().removeAll(RunConfig.IDENTITY_KEYS_ADDED_LATER.keySet());
    Configuration hadoop = new Configuration();
    RunDirectory dir = RunDirectory.create(tmp.resolve("old").toString(), hadoop);
    dir.claim(old);

    Map<String, String> breeze = identity("learner.optimizer=breeze");
    dir.requireIdentity(breeze);
    assertEquals(breeze, dir.identity());

    UserError e = assertThrows(UserError.class, () -> dir.requireIdentity(identity()));
    assertTrue(e.getMessage().contains(MlpConfig.OPTIMIZER + " is breeze there, arrays here"), e.getMessage());
    UserError relu = assertThrows(UserError.class,
        () -> dir.requireIdentity(identity("learner.optimizer=breeze", "learner.activation=relu")));
    assertTrue(relu.getMessage().contains(MlpConfig.ACTIVATION + " is sigmoid there, relu here"), relu.getMessage());
  }

  @Test
  void theDefaultOptimizerIsTheArrayOne() {
    assertEquals("arrays", identity().get(MlpConfig.OPTIMIZER));
  }
}
