package org.smoothcert.app;

import picocli.CommandLine.Option;

/** --n and --alpha: N trials (classifiers) and the bound's 1 - confidence, of bound and thresholds. */
class Confidence {
  @Option(names = "--n", required = true, paramLabel = "N", description = "number of trials (classifiers), at least 1")
  long n;

  @Option(names = "--alpha", required = true, paramLabel = "A",
      description = "the bound holds with probability at least 1 - A")
  double alpha;

  long trials() {
    return CertificateOptions.trials(n);
  }

  double alpha() {
    return CertificateOptions.alpha(alpha);
  }
}
