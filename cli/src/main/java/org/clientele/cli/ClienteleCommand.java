package org.clientele.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code clientele} command: only subcommands and help. */
@Command(
    name = "clientele",
    mixinStandardHelpOptions = true,
    versionProvider = ClienteleCommand.Version.class,
    description = {
      "Sorts customers into segments on several dimensions (value, loyalty, behaviour, RFM, risk,"
          + " industry) and turns the segments into a plan of actions.",
      ""
    },
    subcommands = {
      DemoCommand.class,
      ClassifyCommand.class,
      CalibrateCommand.class,
      ExplainCommand.class,
      ValidateConfigCommand.class,
      ValidatePredictionsCommand.class,
      GenerateCommand.class,
      CompletionCommand.class,
      CompareCommand.class,
      OutcomesCommand.class,
      BudgetCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success: every input row was accepted",
      "  1  fatal error (unreadable file, bad configuration, --strict stop); one line on stderr",
      "  2  usage error: unknown command or option, bad argument",
      "  3  finished with rejections: results are complete for the accepted rows",
      "  4  classify --strict-quality: quality warnings; outcomes/budget: a control-group leak",
      "",
      "Start with: clientele demo"
    })
final class ClienteleCommand implements java.util.concurrent.Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log at INFO and print stack traces of fatal errors.")
  boolean verbose;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /** Names the build: the version and build time written into the jar, and the Java running it. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      java.util.Properties build = new java.util.Properties();
      try (java.io.InputStream in = ClienteleCommand.class.getResourceAsStream("build.properties")) {
        if (in != null) {
          build.load(in);
        }
      } catch (java.io.IOException e) {
        // Unreadable build information: the version line says "development build" below.
      }
      String v = build.getProperty("version", ClienteleCommand.class.getPackage().getImplementationVersion());
      String built = build.getProperty("built", "");
      return new String[] {
        "clientele " + (v == null || v.startsWith("${") ? "(development build)" : v)
            + (built.isEmpty() || built.startsWith("${") ? "" : " (built " + built + ")"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
