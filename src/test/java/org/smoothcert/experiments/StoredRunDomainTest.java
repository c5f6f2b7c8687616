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
import org.smoothcert.config.ConfigLoader;
import org.smoothcert.config.RunConfig;
import org.smoothcert.run.RunDirectory;

/**
 * Re-certifying never takes a smaller feature domain than the votes were made with: the run's own
 * summary.json says it; without one, only a configuration whose domains it fixes is enough.
 */
class StoredRunDomainTest {
  private static final String TABLE = "data { format = csv, train-path = \"x.csv\", classes = [a, b], levels = 2 }\n";

  @TempDir
  Path tmp;

  private StoredRun stored(String config, String summary) throws Exception {
    Path dir = tmp.resolve("run-" + System.nanoTime());
    try (RunDirectory run = RunDirectory.writable(dir.toString(), new Configuration(), false)) {
      run.claim(RunConfig.from(ConfigLoader.parseStored(config, "test")).votesIdentity("0123"));
      run.writeText(RunDirectory.CONFIG_FILE, config);
      if (summary != null) {
        run.writeText("summary.json", summary);
      }
      run.seal();
    }
    return StoredRun.open(dir.toString(), new Configuration());
  }

  @Test
  void theDomainIsTheRunsOwnOrTheConfiguredLevels() throws Exception {
    StoredRun categorical = stored(TABLE + "data.categorical-columns = [colour]\n", "{\"feature_domain\": 7}");
    assertEquals(7, categorical.featureDomain(categorical.config(List.of())));
    StoredRun levels = stored(TABLE, null);
    assertEquals(2, levels.featureDomain(levels.config(List.of())));
  }

  @Test
  void categoricalColumnsWithoutTheRunsSummaryAreRefused() throws Exception {
    StoredRun run = stored(TABLE + "data.categorical-columns = [colour]\n", null);
    UserError e = assertThrows(UserError.class, () -> run.featureDomain(run.config(List.of())));
    assertTrue(e.getMessage().contains("has no summary.json giving the domains of its categorical columns"),
        e.getMessage());
  }
}
