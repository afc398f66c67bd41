package org.clientele.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clientele completion}: prints a bash/zsh completion script generated from the commands. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    header = "Prints a shell completion script for bash (and zsh with bashcompinit).",
    description = {
      "Prints a completion script for every subcommand, option and preset name, generated from the"
          + " command definitions (picocli AutoComplete), so it never lags behind them.",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(clientele completion)                      # this shell",
      "  clientele completion > /etc/bash_completion.d/clientele   # every new shell"
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String script = AutoComplete.bash("clientele", spec.root().commandLine());
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
