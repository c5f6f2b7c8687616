package org.smoothcert.config;

import com.typesafe.config.Config;

/**
 * {@code job.*}: how the work is cut and where it goes.
 *
 * @param slices Spark tasks the classifiers are cut into; 0 = automatic
 * @param out the run directory (a Hadoop path)
 * @param force write into an output folder that holds files smoothcert did not write
 */
public record JobConfig(int slices, String out, boolean force) {
  /** The most slices (Spark tasks, checkpoint files, planned on the driver) a run may be cut into. */
  public static final int MAX_SLICES = 100_000;

  public static JobConfig from(Config c) {
    return new JobConfig(ConfigKeys.SLICES.read(c), ConfigKeys.OUT.read(c), ConfigKeys.FORCE.read(c));
  }
}
