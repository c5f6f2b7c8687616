package org.smoothcert.run;

import java.util.Map;
import org.smoothcert.UserError;
import org.smoothcert.report.Json;

/**
 * Where and how a run directory's votes were trained (master, classifiers trained, timings): the
 * {@code run} section of the summary.json that trained them. A summary that trained nothing itself (a
 * re-certification, or a run that reused every classifier) passes on the record it carried, so the
 * record survives any number of re-certifications and repeated runs.
 */
public final class TrainingRecord {
  private TrainingRecord() {}

  /**
   * The training record of the last finished run in {@code dir}, read before a new run replaces its
   * summary; empty when no run finished there, or its summary does not verify against its manifest (a
   * run stopped while writing its outputs): the record is then lost, never made up.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> in(RunDirectory dir) {
    if (!dir.exists("summary.json") || !dir.exists(OutputManifest.NAME)) {
      return Map.of();
    }
    try {
      Object run = Json.read(dir.readOutput("summary.json")).get("run");
      return run instanceof Map ? of((Map<String, Object>) run) : Map.of();
    } catch (UserError e) {
      return Map.of();
    }
  }

  /** The training record of a summary's {@code run} section; empty when it holds none. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> of(Map<String, Object> run) {
    Object trainedHere = run.get("classifiers_trained");
    boolean trainedNothing = !(trainedHere instanceof Number n) || n.longValue() == 0;
    if (trainedNothing && run.get("training") instanceof Map<?, ?> carried) {
      return (Map<String, Object>) carried;
    }
    return trainedNothing ? Map.of() : run;
  }
}
