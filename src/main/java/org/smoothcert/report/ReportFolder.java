package org.smoothcert.report;

/** Where a run's reports are written: a run directory, on any file system. */
public interface ReportFolder {
  /** The folder, as the user should see it. */
  String location();

  void writeText(String name, String text);

  void writeBytes(String name, byte[] bytes);
}
