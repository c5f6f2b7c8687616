package org.smoothcert.report;

import java.util.LinkedHashMap;
import java.util.Map;

/** Versions for the run summary. */
public final class Versions {
  private Versions() {}

  public static String smoothcert() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static Map<String, Object> all(Object sparkVersion) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("smoothcert", smoothcert());
    m.put("java", System.getProperty("java.version"));
    m.put("spark", sparkVersion == null ? "not started (re-certified from stored votes)" : sparkVersion);
    return m;
  }
}
