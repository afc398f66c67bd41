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
      GenerateCommand.class,
      CompletionCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success: every input row was accepted",
      "  1  fatal error (unreadable file, bad configuration, --strict stop); one line on stderr",
      "  2  usage error: unknown command or option, bad argument",
      "  3  finished with rejections: results are complete for the accepted rows",
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

  /** Reads the version from the jar's manifest. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = ClienteleCommand.class.getPackage().getImplementationVersion();
      return new String[] {"clientele " + (v == null ? "(development build)" : v)};
    }
  }
}
