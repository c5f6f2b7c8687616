package org.smoothcert.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smoothcert.config.ConfigKeys.ACTIVATION;
import static org.smoothcert.config.ConfigKeys.IMPLEMENTATION;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;

/**
 * A run directory made before a key joined the votes identity is read as having the value that key
 * implied then, and one made when learner.implementation and learner.optimizer chose the learner
 * together as today's path of that pair (sparse + arrays is fast, mllib + breeze is mllib): it resumes
 * under the matching configuration and is refused, naming the key, under any other. A directory of a
 * mixed pair, which no run trains any more, is refused in one line.
 */
class RunDirectoryIdentityTest {
  private static final String OPTIMIZER = "learner.optimizer";

  @TempDir
  Path tmp;
  private int directories;

  /**
   * The identity of a configuration with the learner of the run directories made before these keys
   * changed (MLlib's MLP as fit() trains it, H = 64, no decay), and {@code sets} over it.
   */
  private static Map<String, String> identity(String... sets) {
    List<String> all = new java.util.ArrayList<>(List.of("learner.hidden=64", "learner.l2=0"));
    all.addAll(List.of(sets));
    return RunConfig.from(ConfigLoader.load(null, all, new Configuration())).votesIdentity("0123abcd");
  }

  /** Today's default identity with the learner spelled the old way; no optimizer when it is null. */
  private static Map<String, String> oldSpelling(String implementation, String optimizer) {
    Map<String, String> old = new TreeMap<>(identity());
    old.put(IMPLEMENTATION.name(), implementation);
    if (optimizer != null) {
      old.put(OPTIMIZER, optimizer);
    }
    return old;
  }

  private RunDirectory claimed(Map<String, String> stored) {
    RunDirectory dir = RunDirectory.create(tmp.resolve("run-" + directories++).toString(), new Configuration(), false);
    dir.claim(stored);
    dir.close();
    return dir;
  }

  @Test
  void anIdentityWrittenBeforeTheLaterKeysMeansTheirOldValues() {
    // Before learner.optimizer existed, mllib meant MLlib's cost under Breeze's own LBFGS object.
    Map<String, String> old = oldSpelling("mllib", null);
    old.keySet().removeAll(RunConfig.IDENTITY_KEYS_ADDED_LATER.keySet());
    RunDirectory dir = claimed(old);

    Map<String, String> mllib = identity("learner.implementation=mllib");
    dir.requireIdentity(mllib);
    assertEquals(mllib, dir.identity());

    UserError e = assertThrows(UserError.class, () -> dir.requireIdentity(identity()));
    assertTrue(e.getMessage().contains(IMPLEMENTATION.name() + " is mllib there, fast here"), e.getMessage());
    UserError relu = assertThrows(UserError.class,
        () -> dir.requireIdentity(identity("learner.implementation=mllib", "learner.activation=relu")));
    assertTrue(relu.getMessage().contains(ACTIVATION.name() + " is sigmoid there, relu here"), relu.getMessage());
  }

  @Test
  void theOldSpellingOfEachPathResumesAsToday() {
    RunDirectory fast = claimed(oldSpelling("sparse", "arrays"));
    fast.requireIdentity(identity());
    assertEquals(identity(), fast.identity());
    UserError e = assertThrows(UserError.class, () -> fast.requireIdentity(identity("learner.implementation=mllib")));
    assertTrue(e.getMessage().contains(IMPLEMENTATION.name() + " is fast there, mllib here"), e.getMessage());

    RunDirectory mllib = claimed(oldSpelling("mllib", "breeze"));
    mllib.requireIdentity(identity("learner.implementation=mllib"));
    assertThrows(UserError.class, () -> mllib.requireIdentity(identity()));
  }

  @Test
  void aMixedPairIsRefusedInOneLineUnderEitherPath() {
    // sparse without an optimizer was written before learner.optimizer existed: sparse + breeze.
    String[][] mixed = {{"sparse", "breeze"}, {"mllib", "arrays"}, {"sparse", null}};
    for (String[] pair : mixed) {
      RunDirectory dir = claimed(oldSpelling(pair[0], pair[1]));
      for (Map<String, String> today : List.of(identity(), identity("learner.implementation=mllib"))) {
        UserError e = assertThrows(UserError.class, () -> dir.requireIdentity(today));
        String message = e.getMessage();
        assertTrue(message.contains(IMPLEMENTATION.name() + " = " + pair[0]) && message.contains("re-certified")
            && message.contains("not resumed"), message);
        assertFalse(message.contains("\n"), message);
      }
    }
  }

  @Test
  void theIdentityNamesThePathAndNoOptimizer() {
    assertEquals("fast", identity().get(IMPLEMENTATION.name()));
    assertEquals("mllib", identity("learner.implementation=mllib").get(IMPLEMENTATION.name()));
    assertFalse(identity().containsKey(OPTIMIZER));
  }
}
