package org.smoothcert.app;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.smoothcert.UserError;

/**
 * The single entry point: {@code smoothcert <command> [--option value ...]}. A {@link UserError} ends
 * the program with one line on stderr and exit status 2; any other exception is a bug and keeps its
 * stack trace.
 */
public final class Main {
  static final int USAGE_ERROR = 2;

  private Main() {}

  private static Map<String, Command> commands() {
    Map<String, Command> c = new LinkedHashMap<>();
    c.put("run", new RunCommand());
    c.put("certify", new CertifyCommand());
    c.put("sweep", new SweepCommand());
    c.put("study", new StudyCommand());
    c.put("radius", new RadiusCommand());
    c.put("bound", new BoundCommand());
    c.put("thresholds", new ThresholdsCommand());
    c.put("data", new DataCommand());
    c.put("bench", new BenchCommand());
    c.put("attack", new AttackCommand());
    c.put("plot", new PlotCommand());
    return c;
  }

  public static void main(String[] argv) {
    int status = execute(argv, System.out, System.err);
    System.out.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs one command line; never calls System.exit, so tests can call it. */
  public static int execute(String[] argv, PrintStream out, PrintStream err) {
    Map<String, Command> commands = commands();
    if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help") || argv[0].equals("-h")) {
      printHelp(commands, out);
      return argv.length == 0 ? USAGE_ERROR : 0;
    }
    Command command = commands.get(argv[0]);
    if (command == null) {
      err.println("smoothcert: unknown command '" + argv[0] + "' (try: smoothcert help)");
      return USAGE_ERROR;
    }
    try {
      return command.run(Arrays.copyOfRange(argv, 1, argv.length), out);
    } catch (UserError e) {
      err.println("smoothcert " + argv[0] + ": " + e.getMessage());
      return USAGE_ERROR;
    } catch (Exception e) {
      UserError cause = userErrorCause(e);
      if (cause != null) {
        err.println("smoothcert " + argv[0] + ": " + cause.getMessage());
        return USAGE_ERROR;
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  /** Spark wraps exceptions thrown inside tasks; a user error deep inside one is still a user error. */
  private static UserError userErrorCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UserError u) {
        return u;
      }
    }
    return null;
  }

  private static void printHelp(Map<String, Command> commands, PrintStream out) {
    out.println("usage: smoothcert <command> [--option value ...]");
    out.println();
    for (Map.Entry<String, Command> e : commands.entrySet()) {
      out.printf("  %-11s %s%n", e.getKey(), e.getValue().summary());
    }
  }
}
