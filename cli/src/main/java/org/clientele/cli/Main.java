package org.clientele.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
    // Straight onto the file descriptor, not through System.out (a PrintStream that keeps write
    // errors to itself): so that a closed pipe or a full disk is seen by checkError() in run().
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16), true);
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
    int code;
    try {
      code = cli.execute(args);
    } finally {
      Spool.deleteAll();
      err.flush();
    }
    // PrintWriter never throws: a closed pipe (clientele ... --out - | head) or a full disk only
    // sets its error flag. checkError() flushes and reads the flag.
    if (out.checkError()) {
      if (code == ExitCodes.FATAL) {
        return code; // already said, by the failing writer
      }
      err.println("clientele: cannot write to standard output (closed pipe or full disk); the output is"
          + " incomplete");
      err.flush();
      return code == ExitCodes.USAGE ? code : ExitCodes.FATAL;
    }
    return code;
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new ClienteleCommand());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.registerConverter(LocalDate.class, Main::date);
    versionOnEverySubcommand(cli);
    cli.setExitCodeExceptionMapper(t -> ExitCodes.FATAL);
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println("clientele: " + e.getMessage());
          if (e instanceof CommandLine.UnmatchedArgumentException u) {
            // "Did you mean: classify?" for a mistyped subcommand or option.
            CommandLine.UnmatchedArgumentException.printSuggestions(u, cmd.getErr());
          }
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

  /** Parses a date option, naming the expected form (never a Java class) when it is not one. */
  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new CommandLine.TypeConversionException(
          "'" + text + "' is not a date in the form yyyy-MM-dd (for example 2024-07-01)");
    }
  }

  /** Gives every subcommand the top command's --version text (picocli leaves it empty otherwise). */
  private static void versionOnEverySubcommand(CommandLine cli) {
    for (CommandLine sub : cli.getSubcommands().values()) {
      if (sub.getCommandSpec().versionProvider() == null) {
        sub.getCommandSpec().versionProvider(new ClienteleCommand.Version());
      }
      versionOnEverySubcommand(sub);
    }
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
