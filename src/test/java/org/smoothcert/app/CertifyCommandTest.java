package org.smoothcert.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smoothcert.config.ConfigKeys;
import org.smoothcert.config.RunConfig;
import org.smoothcert.report.Json;
import org.smoothcert.report.TestPoints;
import org.smoothcert.run.CertificateHistory;
import org.smoothcert.run.RunDirectory;
import org.smoothcert.votes.SliceVotes;
import org.smoothcert.votes.TrainingStats;
import org.smoothcert.votes.VoteCounts;

/**
 * {@code certify} on stored votes: every re-certification is recorded beside the votes, so the next one,
 * wherever its reports go, counts all of them in its joint confidence, on the console and in summary.json.
 */
class CertifyCommandTest {
  @TempDir
  Path tmp;

  /** A finished run of 4 test points, 2 classes and N = 100 at alpha = 0.001, as `run` leaves it. */
  static Path storedRun(Path where) {
    RunConfig config = RunConfig.defaults().with(ConfigKeys.TEST_SIZE, 4).with(ConfigKeys.CLASSIFIERS, 100L);
    try (RunDirectory dir = RunDirectory.writable(where.toString(), new Configuration(), false)) {
      dir.claim(config.votesIdentity("0123"));
      dir.writeText(RunDirectory.CONFIG_FILE, config.render());
      dir.writeText(RunDirectory.TEST_POINTS_FILE, new TestPoints(new int[] {0, 1, 0, 1}, new int[] {0, 1, 2, 3}).toCsv());
      dir.writeSlice(new SliceVotes(0, 100, VoteCounts.of(4, 2, 100, new int[] {99, 1, 3, 97, 90, 10, 50, 50}),
          TrainingStats.NONE));
      dir.writeText(CertificateHistory.FILE, CertificateHistory.empty().with(CertificateHistory.Look.of(config)).render());
      dir.seal();
    }
    return where;
  }

  @Test
  void siblingRecertificationsCountEachOther() throws Exception {
    Path run = storedRun(tmp.resolve("run"));
    CliTest.Result first = CliTest.run("certify --run " + run + " --alpha 0.01");
    assertEquals(0, first.status(), first.err());
    assertTrue(first.out().contains("2 certificates on these votes"), first.out());
    assertTrue(first.out().contains("1 - 0.011 = 0.989"), first.out());

    // The second goes elsewhere, yet sees the first: 0.001 + 0.01 + 0.05.
    Path elsewhere = tmp.resolve("elsewhere");
    CliTest.Result second = CliTest.run("certify --run " + run + " --alpha 0.05 --out " + elsewhere);
    assertEquals(0, second.status(), second.err());
    assertTrue(second.out().contains("warning: "), "the caution is printed on the console: " + second.out());
    assertTrue(second.out().contains("3 certificates on these votes"), second.out());
    assertTrue(second.out().contains("1 - 0.061 = 0.939"), second.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> summary = (Map<String, Object>) Json.read(Files.readString(elsewhere.resolve("summary.json")))
        .get("run");
    assertEquals(0.939, (double) summary.get("joint_confidence"), 1e-12);
    Map<?, ?> alpha = (Map<?, ?>) Json.read(Files.readString(elsewhere.resolve("summary.json"))).get("alpha");
    assertEquals(0.95, (double) alpha.get("confidence"), 1e-12, "the class split proves the nominal 1 - alpha");
    assertEquals(2, ((List<?>) summary.get("other_certificates_on_these_votes")).size());

    // The history beside the votes holds all three, for whichever command certifies them next.
    CertificateHistory beside = CertificateHistory.parse(Files.readString(run.resolve(CertificateHistory.FILE)), "x");
    assertEquals(List.of(0.001, 0.01, 0.05), beside.looks().stream().map(CertificateHistory.Look::alpha).toList());
    assertEquals(beside, CertificateHistory.parse(Files.readString(elsewhere.resolve(CertificateHistory.FILE)), "x"));
    assertTrue(Files.readString(run.resolve("outputs.sha256")).length() > 0, "the run's own outputs stay sealed");
  }

  @Test
  void thePaperProtocolStatesTheConfidenceItProves() throws Exception {
    Path run = storedRun(tmp.resolve("paper"));
    Path out = tmp.resolve("paper-out");
    CliTest.Result paper = CliTest.run("certify --run " + run + " --set certify.class-split=false --out " + out);
    assertEquals(0, paper.status(), paper.err());
    assertTrue(paper.out().contains("proves 1 - 2 x alpha = 0.998, not the nominal 0.999"), paper.out());
    @SuppressWarnings("unchecked")
    Map<String, Object> alpha = (Map<String, Object>) Json.read(Files.readString(out.resolve("summary.json")))
        .get("alpha");
    assertEquals(0.998, (double) alpha.get("confidence"), 1e-12);
    assertEquals(0.999, (double) alpha.get("nominal_confidence"), 1e-12);
  }

  @Test
  void theSameCertificateAgainIsNoNewLook() {
    Path run = storedRun(tmp.resolve("again"));
    CliTest.Result plain = CliTest.run("certify --run " + run);
    assertEquals(0, plain.status(), plain.err());
    assertTrue(!plain.out().contains("warning: "), plain.out());
  }
}
