package org.smoothcert.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.smoothcert.UserError;

/**
 * The fast path gives the same bits at every vector width the JDK may pick (2, 4 or 8 double lanes:
 * SSE or NEON, AVX2, AVX-512) and without the vector API: {@link LaneProbe} runs in a JVM of its own per
 * width, forced by {@value VectorLanes#PROPERTY} (the width is a constant of the JVM, as C2 needs it),
 * and reports the lanes it ran with; the kernels' results and the weights and test labels of trained
 * classifiers must match the scalar JVM's line for line.
 */
class VectorLanesTest {
  private static final int HEADER_LINES = 2;

  @Test
  void everyLaneWidthGivesTheScalarCodesBits() throws Exception {
    List<String> scalar = probe(List.of());
    assertEquals(List.of("lanes 0", "simd-dots false"), scalar.subList(0, HEADER_LINES));
    for (int lanes : new int[] {2, 4, 8}) {
      List<String> vector =
          probe(List.of("--add-modules", "jdk.incubator.vector", "-D" + VectorLanes.PROPERTY + "=" + lanes));
      assertEquals(List.of("lanes " + lanes, "simd-dots true"), vector.subList(0, HEADER_LINES));
      assertEquals(scalar.size(), vector.size(), "lines at " + lanes + " lanes: " + vector);
      for (int i = HEADER_LINES; i < scalar.size(); i++) {
        assertEquals(scalar.get(i), vector.get(i), "at " + lanes + " lanes");
      }
    }
  }

  @Test
  void withoutThePropertyTheMachinesPreferredWidthRuns() {
    assertTrue(ColumnSums.VECTOR_API, "surefire adds --add-modules jdk.incubator.vector");
    assertEquals(0, VectorLanes.FORCED);
    assertEquals(VectorColumnSums.preferredLanes(), VectorLanes.inUse());
  }

  @Test
  void onlyTwoFourOrEightLanesCanBeForced() {
    assertEquals(0, VectorLanes.parse(null));
    assertEquals(0, VectorLanes.parse(""));
    assertEquals(4, VectorLanes.parse(" 4"));
    UserError e = assertThrows(UserError.class, () -> VectorLanes.parse("16"));
    assertEquals("smoothcert.vector.lanes must be 2, 4 or 8 (double lanes: 128-, 256- or 512-bit vectors), got '16'",
        e.getMessage());
  }

  /** The probe's output lines in a fresh JVM with these options (the width is chosen at its start). */
  private static List<String> probe(List<String> jvmOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), LaneProbe.class.getName()));
    Path err = Files.createTempFile("lane-probe", ".err");
    try {
      Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the probe ended");
      assertEquals(0, process.exitValue(), "probe " + jvmOptions + " failed:\n" + Files.readString(err));
      return out.lines().toList();
    } finally {
      Files.delete(err);
    }
  }
}
