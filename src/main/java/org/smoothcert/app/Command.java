package org.smoothcert.app;

import java.io.PrintStream;

/** One subcommand of the CLI. */
interface Command {
  /** One line for {@code smoothcert help}. */
  String summary();

  /** Runs with the words after the subcommand's name; returns the exit status. */
  int run(String[] argv, PrintStream out) throws Exception;
}
