package org.smoothcert;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that needs a package CI installs (.ci/run): skipped on a developer's machine without it,
 * failed under CI (CI=true), where a missing package means the install step broke.
 */
public final class CiPackages {
  private CiPackages() {}

  public static void require(boolean present, String installHint) {
    String message = "needs a package: " + installHint;
    if ("true".equals(System.getenv("CI"))) {
      assertTrue(present, message + " (CI=true: .ci/run installs it, so its absence is a failure)");
    } else {
      assumeTrue(present, message);
    }
  }
}
