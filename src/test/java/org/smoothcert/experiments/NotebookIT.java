package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.CiPackages;

/** Executes notebooks/certified-accuracy.ipynb on a small run, so the notebook cannot rot. */
class NotebookIT {
  static final String JUPYTER = "/usr/bin/jupyter";

  @TempDir
  Path tmp;

  @Test
  void notebookRunsOnASmallRunDirectory() throws Exception {
    CiPackages.require(new File(JUPYTER).canExecute(), "apt-get install jupyter-nbconvert python3-pandas python3-matplotlib");
    Path run = tmp.resolve("small");
    CertifyRunIT.run("local[2]", CertifyRunIT.small(run.toString()));
    execute(run.toString());
  }

  /**
   * On its default, the committed results under docs/results: flip-noise runs and poisoned-example runs
   * (bagging, partition, BagFlip, whose curve counts examples and whose summary has no vote thresholds).
   */
  @Test
  void notebookRunsOnTheCommittedResults() throws Exception {
    CiPackages.require(new File(JUPYTER).canExecute(), "apt-get install jupyter-nbconvert python3-pandas python3-matplotlib");
    execute(null);
  }

  private void execute(String runs) throws Exception {
    String home = System.getProperty("smoothcert.basedir", ".");
    ProcessBuilder pb = new ProcessBuilder(JUPYTER, "nbconvert", "--to", "notebook", "--execute",
        home + "/notebooks/certified-accuracy.ipynb", "--output-dir", tmp.toString())
        .redirectErrorStream(true);
    if (runs != null) {
      pb.environment().put("SMOOTHCERT_RUNS", runs);
    } else {
      pb.environment().remove("SMOOTHCERT_RUNS");
    }
    pb.environment().put("PYDEVD_DISABLE_FILE_VALIDATION", "1");
    Process p = pb.start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "nbconvert did not finish");
    assertEquals(0, p.exitValue(), log);
    String executed = Files.readString(tmp.resolve("certified-accuracy.ipynb"));
    assertTrue(executed.contains("image/png"), "the notebook drew no figure");
    assertTrue(!executed.contains("\"output_type\": \"error\""), "a cell failed");
  }
}
