package org.smoothcert.random;

/** The randomness the noise and the samplers draw from; an interface so tests can pin it. */
public interface UniformSource {
  long nextLong();

  /** Uniform in [0, 1). */
  double nextDouble();

  /** Uniform in [0, bound). */
  int nextInt(int bound);
}
