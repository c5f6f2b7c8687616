package org.smoothcert.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.UserError;

/** A --config file is parsed as its own origin: its includes resolve beside it, and their keys are checked. */
class ConfigIncludeTest {
  @TempDir
  Path tmp;

  private RunConfig load(Path file) {
    return RunConfig.from(ConfigLoader.load(file.toString(), List.of(), new Configuration()));
  }

  @Test
  void aRelativeIncludeResolvesBesideTheFile() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("confs/nested"));
    Files.writeString(dir.resolve("n40.conf"), "smoothing.classifiers = 40\ndata.test-size = 50\ninclude \"alpha.conf\"\n");
    Files.writeString(dir.resolve("alpha.conf"), "certify.alpha = 0.01\n");
    Files.writeString(dir.resolve("main.conf"), "include \"n40.conf\"\nseed = 3\n");
    Files.writeString(dir.resolve("required.conf"), "include required(\"n40.conf\")\n");
    Files.writeString(dir.resolve("by-file.conf"), "include required(file(\"n40.conf\"))\n");

    for (String name : List.of("main.conf", "required.conf", "by-file.conf")) {
      RunConfig config = load(dir.resolve(name));
      assertEquals(40, config.smoothing().classifiers(), name);
      assertEquals(0.01, config.certify().alpha(), name);
    }
    assertEquals(3L, load(dir.resolve("main.conf")).seed());
  }

  @Test
  void anUnknownKeyOrAMissingFileOfAnIncludeIsNamed() throws Exception {
    Files.writeString(tmp.resolve("typo.conf"), "smoothing.clasifiers = 40\n");
    Files.writeString(tmp.resolve("main.conf"), "include \"typo.conf\"\n");
    UserError e = assertThrows(UserError.class, () -> load(tmp.resolve("main.conf")));
    assertTrue(e.getMessage().contains("unknown config key 'smoothing.clasifiers'")
        && e.getMessage().contains("typo.conf"), e.getMessage());

    Files.writeString(tmp.resolve("missing.conf"), "include \"n4O.conf\"\n");
    e = assertThrows(UserError.class, () -> load(tmp.resolve("missing.conf")));
    assertTrue(e.getMessage().contains("n4O.conf") && e.getMessage().contains("does not exist"), e.getMessage());
  }
}
