package org.smoothcert.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smoothcert.certify.AlphaSplit;
import org.smoothcert.certify.CertificationResult;
import org.smoothcert.certify.Certifier;
import org.smoothcert.certify.PartitionCertificate;
import org.smoothcert.votes.RunVotes;
import org.smoothcert.votes.SliceVotes;
import org.smoothcert.votes.TrainingStats;
import org.smoothcert.votes.VoteCounts;

class SchemeLinesTest {
  @Test
  void partitionInItsPapersUnitCountsInsertionsAndRemovals() {
    // Four points of 10 parts: gaps 10 (class 0, correct), 6 (correct), 2 (class 1, wrong), 0 with a tie.
    VoteCounts votes = VoteCounts.of(4, 2, 10, new int[] {10, 0, 8, 2, 4, 6, 5, 5});
    int[] labels = {0, 0, 0, 0};
    RunVotes run = RunVotes.of(java.util.List.of(new SliceVotes(0, 10, votes, TrainingStats.NONE)),
        4, 2, 0);
    Certifier certifier = Certifier.deterministic(PartitionCertificate.MODIFICATIONS, AlphaSplit.of(0.001, 4, 2, true),
        1000);
    CertificationResult result = CertificationResult.of(run, labels, certifier);
    // Modifications (a changed example may move two votes): floor(gap / 4) = 2, 1, -, 0.
    assertEquals(2, result.certificates()[0].radius());
    assertEquals(1, result.certificates()[1].radius());
    assertEquals(0, result.certificates()[3].radius());
    Map<String, Object> dpa = SchemeLines.insertionsOrRemovals(result);
    // Insertions or removals: floor(gap / 2) = 5, 3, (wrong), 0: half the points certified correct up to 3.
    assertEquals(3L, dpa.get("median_certified_robustness"));
    @SuppressWarnings("unchecked")
    Map<String, Object> accuracy = (Map<String, Object>) dpa.get("certified_accuracy");
    assertEquals(0.75, accuracy.get("0"));
    assertEquals(0.5, accuracy.get("2"));
    assertEquals(0.25, accuracy.get("5"));
  }
}
