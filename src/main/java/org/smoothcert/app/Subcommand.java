package org.smoothcert.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** One subcommand of the CLI: picocli sets its options, then it runs and prints to standard output. */
abstract class Subcommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Override
  public final Integer call() throws Exception {
    return run(spec.commandLine().getOut());
  }

  /** Runs with the options set; returns the exit status. */
  abstract int run(PrintWriter out) throws Exception;
}
