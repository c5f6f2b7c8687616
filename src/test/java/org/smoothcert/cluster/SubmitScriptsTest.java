package org.smoothcert.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.smoothcert.cluster.Scripts.Finished;

/**
 * The scripts under {@code submit/} parse (submit/yarn once did not, and no test ran it), and their
 * wrong settings are refused in one line before anything is built or submitted.
 */
class SubmitScriptsTest {
  static final Path LOGS = Scripts.TARGET.resolve("submit-scripts-test");

  @Test
  void everyScriptParses() throws Exception {
    List<Path> scripts;
    try (Stream<Path> files = Files.list(Scripts.HOME.resolve("submit"))) {
      scripts = files.filter(p -> Files.isRegularFile(p) && Files.isExecutable(p) && !p.toString().endsWith(".xml"))
          .sorted().toList();
    }
    assertTrue(scripts.size() >= 8, "the scripts: " + scripts);
    for (Path script : scripts) {
      Process bash = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
      String said = new String(bash.getInputStream().readAllBytes());
      assertEquals(0, bash.waitFor(), script.getFileName() + " does not parse: " + said);
    }
  }

  @Test
  void yarnRefusesAnUnknownDeployMode() throws Exception {
    Finished run = Scripts.run(LOGS, "yarn-mode", Map.of("HADOOP_CONF_DIR", "/nonexistent",
        "SMOOTHCERT_DEPLOY_MODE", "local", "SMOOTHCERT_DRY_RUN", "1"), 60, "yarn", "run");
    assertEquals(2, run.status());
    assertEquals("submit/yarn: SMOOTHCERT_DEPLOY_MODE must be cluster or client, not 'local'", run.err().strip());
  }

  @Test
  void k8sRefusesAMissingPodTemplate() throws Exception {
    Finished run = Scripts.run(LOGS, "k8s-template", Map.of("K8S_MASTER", "k8s://https://api.example:6443",
        "SMOOTHCERT_IMAGE", "spark:4.2.0", "K8S_POD_TEMPLATE", "/nonexistent.yaml", "SMOOTHCERT_DRY_RUN", "1"),
        60, "k8s", "run");
    assertEquals(2, run.status());
    assertEquals("submit/k8s: K8S_POD_TEMPLATE: no such file: /nonexistent.yaml", run.err().strip());
  }
}
