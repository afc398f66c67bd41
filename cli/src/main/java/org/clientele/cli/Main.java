package org.clientele.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.clientele.api.ConfigurationException;
import org.clientele.core.CalibrationException;
import org.clientele.core.ClassificationException;
import org.clientele.core.io.InputException;
import picocli.CommandLine;

/**
 * The entry point of the {@code clientele} command. {@link #main} exits the JVM with one of the
 * {@link ExitCodes}; {@link #run} does the same work in-process and returns the code, for tests
 * and for hosts that embed the command.
 *
 * @since 0.1.0
 */
public final class Main {

  private Main() {}

  /**
   * Runs the command and exits with its {@linkplain ExitCodes exit code}.
   *
   * @param args the command line, for example {@code classify --transactions orders.csv --out results.jsonl}
   */
  public static void main(String[] args) {
    configureLogging(Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v"));
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the command in-process.
   *
   * @param out where reports and help go (standard output)
   * @param err where messages and the progress bar go (standard error)
   * @param args the command line
   * @return the exit code, one of {@link ExitCodes}
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = commandLine(out, err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ClienteleCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(t -> ExitCodes.FATAL);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("clientele: " + e.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          boolean verbose = parseResult.hasMatchedOption("--verbose")
              || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
          cmd.getErr().println("clientele: " + message(e));
          if (verbose) {
            e.printStackTrace(cmd.getErr());
          } else if (!isExpected(e)) {
            cmd.getErr().println("(run again with --verbose for the stack trace)");
          }
          return ExitCodes.FATAL;
        });
    return cli;
  }

  /** The one line the user sees for a fatal error. */
  static String message(Throwable e) {
    if (e instanceof CalibrationException c) {
      return c.getMessage() + (c.kind() == CalibrationException.Kind.FAILED
          ? " (with clientele: --transactions FILE, or a --customers file that has the column)"
          : " (with clientele: give it with --config to calibrate on this input, or run 'clientele calibrate')");
    }
    if (e instanceof CliException || e instanceof ConfigurationException || e instanceof InputException) {
      return Objects.requireNonNullElse(e.getMessage(), e.toString());
    }
    if (e instanceof ClassificationException) {
      return e.getMessage() + " (errorPolicy is fail-fast; set \"errorPolicy\": \"fallback\" to label it UNCLASSIFIED and go on)";
    }
    if (e instanceof UncheckedIOException io) {
      return "I/O error: " + (io.getCause() == null ? io.getMessage() : io.getCause().getMessage());
    }
    return "internal error: " + e;
  }

  private static boolean isExpected(Throwable e) {
    return e instanceof CliException
        || e instanceof ConfigurationException
        || e instanceof InputException
        || e instanceof ClassificationException
        || e instanceof UncheckedIOException;
  }

  /** slf4j-simple reads its settings once, when the first logger is made: set them first. */
  static void configureLogging(boolean verbose) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
