package org.smoothcert.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs with validation examples: a test run's votes are as without them; a validation run certifies them. */
class ValidationRunIT {
  @TempDir
  Path tmp;

  @Test
  void validationExamplesLeaveATestRunAsItWas() throws Exception {
    Path without = tmp.resolve("without");
    Path with = tmp.resolve("with");
    CertifyRunIT.run("local[2]", CertifyRunIT.small(without.toString()));
    CertifyRunIT.run("local[2]", CertifyRunIT.small(with.toString(), "data.validation-size=30"));
    assertEquals(CertifyRunIT.points(without), CertifyRunIT.points(with));
    assertEquals("test", summary(with).get("certified_points").asText());
    assertEquals(60, summary(with).get("test_points").asInt());
    assertEquals(30, summary(with).get("data").get("validation").get("drawn_per_class").get(0).asInt()
        + summary(with).get("data").get("validation").get("drawn_per_class").get(1).asInt());
  }

  @Test
  void aValidationRunCertifiesTheValidationExamplesAndIsRecertifiedAsOne() throws Exception {
    Path dir = tmp.resolve("validation");
    String out = CertifyRunIT.cli("local[2]",
        CertifyRunIT.small(dir.toString(), "data.validation-size=30", "data.certify-on=validation"));
    assertTrue(out.contains("30 validation from train (per class"), out);
    assertTrue(out.contains("certifying the validation examples"), out);
    assertTrue(out.contains("one noised classifier on noised validation points"), out);
    JsonNode summary = summary(dir);
    assertEquals("validation", summary.get("certified_points").asText());
    assertEquals(30, summary.get("validation_points").asInt());
    assertEquals(30, summary.get("alpha").get("points").asInt());
    assertEquals(31, Files.readAllLines(dir.resolve("points.csv")).size());

    StoredRun stored = StoredRun.open(dir.toString(), new Configuration());
    Path again = tmp.resolve("recertified");
    stored.certify(stored.config(List.of()), again.toString(), new Configuration());
    assertEquals(CertifyRunIT.points(dir), CertifyRunIT.points(again));
    assertEquals(30, summary(again).get("alpha").get("points").asInt());
  }

  private static JsonNode summary(Path dir) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
  }
}
