package org.smoothcert.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.smoothcert.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The single entry point: {@code smoothcert <command> [--option value ...]}. A user error (an option
 * picocli cannot parse, or a {@link UserError} thrown by a tool) ends the program with one line on
 * stderr, {@code smoothcert <command>: <message>}, and exit status 2; any other exception is a bug and
 * keeps its stack trace (exit status 1).
 */
@Command(name = "smoothcert", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class, sortOptions = false, sortSynopsis = false,
    usageHelpWidth = 100,
    description = "Certified robustness against backdoor attacks by randomized smoothing, on Apache Spark.",
    subcommands = {RunCommand.class, CertifyCommand.class, SweepCommand.class, StudyCommand.class,
        RadiusCommand.class, BoundCommand.class, ThresholdsCommand.class, DataCommand.class, BenchCommand.class,
        AttackCommand.class, PlotCommand.class, HelpCommand.class})
public final class Main implements Callable<Integer> {
  static final int USAGE_ERROR = 2;

  private final CommandLine commandLine;

  private Main(PrintStream out, PrintStream err) {
    commandLine = new CommandLine(this)
        .setOut(new PrintWriter(new StreamWriter(out), true))
        .setErr(new PrintWriter(new StreamWriter(err), true))
        // An argument starting with @ is a value like any other, not a file of arguments.
        .setExpandAtFiles(false)
        .setParameterExceptionHandler(Main::badArguments)
        .setExecutionExceptionHandler(Main::failed);
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
    CommandLine commandLine = new Main(out, err).commandLine;
    try {
      return commandLine.execute(argv);
    } finally {
      commandLine.getOut().flush();
      commandLine.getErr().flush();
    }
  }

  /** {@code smoothcert} alone: the list of commands, and the status of a command line that did nothing. */
  @Override
  public Integer call() {
    commandLine.usage(commandLine.getOut());
    return USAGE_ERROR;
  }

  private static int badArguments(ParameterException e, String[] argv) {
    CommandLine command = e.getCommandLine();
    command.getErr().println(prefix(command) + message(e));
    return USAGE_ERROR;
  }

  private static int failed(Exception e, CommandLine command, ParseResult parsed) throws Exception {
    if (Interruption.stopping()) {
      return USAGE_ERROR; // the signal's own line is printed and the JVM is exiting with its status
    }
    UserError cause = userErrorCause(e);
    if (cause == null) {
      cause = missingFileSystem(e);
    }
    if (cause == null) {
      throw e;
    }
    command.getErr().println(prefix(command) + cause.getMessage());
    return USAGE_ERROR;
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

  /**
   * A path whose Hadoop file system class is not on the classpath: s3a:// (hadoop-aws and the AWS SDK,
   * which smoothcert does not ship: they are hundreds of megabytes), or another such scheme. Hadoop
   * reports it as a RuntimeException around a ClassNotFoundException, wherever a path is first opened.
   */
  static UserError missingFileSystem(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String message = String.valueOf(c.getMessage());
      if (c instanceof ClassNotFoundException && message.contains("FileSystem")) {
        String missing = message.replaceFirst("^.*?Class (\\S+) not found.*$", "$1");
        if (missing.startsWith("org.apache.hadoop.fs.s3a.")) {
          return new UserError("s3a:// paths need hadoop-aws and the AWS SDK on the classpath, which smoothcert does"
              + " not ship (" + missing + " not found): add them (e.g. spark-submit --packages"
              + " org.apache.hadoop:hadoop-aws:" + org.apache.hadoop.util.VersionInfo.getVersion()
              + ") or use a file:// or hdfs:// path");
        }
        return new UserError("a path's Hadoop file system is not on the classpath (" + missing + " not found)");
      }
    }
    return null;
  }

  /** "smoothcert data: " for data and its actions; "smoothcert: " when no command was recognised. */
  private static String prefix(CommandLine command) {
    CommandLine top = command;
    while (top.getParent() != null && top.getParent().getParent() != null) {
      top = top.getParent();
    }
    return top.getParent() == null ? "smoothcert: " : "smoothcert " + top.getCommandName() + ": ";
  }

  /** picocli's message; for a mistyped command the commands there are, for a mistyped option its likely name. */
  private static String message(ParameterException e) {
    // picocli starts the message of an option group (e.g. thresholds' --n and --alpha) with "Error: ".
    String message = e.getMessage().replaceFirst("^Error: ", "");
    List<String> commands = e.getCommandLine().getSubcommands().keySet().stream()
        .filter(name -> !name.equals("help")).toList();
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String word = unmatched.getUnmatched().get(0);
      if (!word.startsWith("-") && !commands.isEmpty()) {
        message = "unknown command '" + word + "'";
      } else if (!unmatched.getSuggestions().isEmpty()) {
        return message + " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
      }
    }
    return commands.isEmpty() ? message : message + " (expected one of " + String.join(", ", commands) + ")";
  }

  /** The version Maven wrote into the jar's manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"smoothcert " + (version == null ? "(version unknown: not run from the jar)" : version)};
    }
  }
}
