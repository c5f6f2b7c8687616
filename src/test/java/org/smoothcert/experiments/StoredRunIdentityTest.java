package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;
import org.smoothcert.config.RunConfig;
import org.smoothcert.run.RunDirectory;

/**
 * Re-certification certifies what the slices are stamped with (votes.id): a run.conf edited since, even
 * re-hashed into outputs.sha256, is refused naming the keys that differ.
 */
class StoredRunIdentityTest {
  @TempDir
  Path tmp;

  private StoredRun stored(String configText) {
    Path dir = tmp.resolve("run-" + System.nanoTime());
    RunConfig made = RunConfig.defaults();
    try (RunDirectory run = RunDirectory.writable(dir.toString(), new Configuration(), false)) {
      run.claim(made.votesIdentity("0123"));
      run.writeText(RunDirectory.CONFIG_FILE, configText);
      run.seal();
    }
    return StoredRun.open(dir.toString(), new Configuration());
  }

  @Test
  void aRunConfEditedAfterTheVotesWereMadeIsRefusedNamingTheKeys() {
    String edited = RunConfig.defaults().render() + "\nsmoothing.beta = 0.51\nseed = 99\n";
    StoredRun run = stored(edited);
    UserError e = assertThrows(UserError.class, () -> run.config(List.of("certify.alpha=0.01")));
    assertTrue(e.getMessage().contains("smoothing.beta is 0.9 in votes.id, 0.51 in run.conf"), e.getMessage());
    assertTrue(e.getMessage().contains("seed"), e.getMessage());
  }

  @Test
  void aRunConfAsTheVotesWereMadeIsCertified() {
    StoredRun run = stored(RunConfig.defaults().render());
    assertEquals(0.01, run.config(List.of("certify.alpha=0.01")).certify().alpha());
  }

  @Test
  void anAlphaTooSmallForItsSplitIsRefusedBeforeAnythingIsWritten() {
    StoredRun run = stored(RunConfig.defaults().render());
    UserError e = assertThrows(UserError.class, () -> run.config(List.of("certify.alpha=1e-306")));
    assertTrue(e.getMessage().startsWith("certify.alpha = 1.0E-306 over 1000 points"), e.getMessage());
  }
}
