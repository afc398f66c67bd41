package org.clientele.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clientele generate}: the demo population at any size, as files. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Writes the synthetic demo population at any size (for large runs).",
    sortOptions = false,
    description = {
      "Writes the demo's synthetic population at any size: customers.csv and transactions.csv (the demo's"
          + " files), or with --features one customers.csv holding the attributes and the features derived"
          + " from each account's transactions (the form that streams a million customers in constant memory).",
      ""
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clientele generate --customers 10000 --out data",
      "  clientele generate --customers 1000000 --features --out data-1m",
      "  java -Xmx256m -jar clientele.jar classify --customers data-1m/customers.csv --out results.csv"
    })
final class GenerateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--customers", required = true, paramLabel = "N", description = "Number of accounts.")
  int customers;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Directory to write into.")
  Path out;

  @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = TransactionPopulation.DEFAULT_SEED;

  @Option(names = "--features", description = "Write one customers file with derived features instead of a transaction log.")
  boolean features;

  @Option(names = "--no-progress", description = "Never draw the progress bar.")
  boolean noProgress;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TransactionPopulation population;
    try {
      population = TransactionPopulation.of(customers, seed);
    } catch (IllegalArgumentException e) {
      throw new CliException("--customers: " + e.getMessage());
    }
    long[] done = {0};
    DemoFiles files;
    try (Progress bar = Progress.start(err, !noProgress && Progress.terminal(), "Generating", customers, () -> done[0], "accounts")) {
      files = features
          ? DemoFiles.writeWithFeatures(population, out, i -> {
              done[0] = i + 1;
              bar.tick();
            })
          : DemoFiles.write(population, out, i -> {
              done[0] = i + 1;
              bar.tick();
            });
    }
    if (files.transactions() == null) {
      stdout.printf(Locale.ROOT, "Wrote %s: %,d accounts with features derived from %,d transactions as of %s%n",
          files.customers(), files.accounts(), files.transactionRows(), TransactionPopulation.REFERENCE_DATE);
    } else {
      stdout.printf(Locale.ROOT, "Wrote %s (%,d accounts) and %s (%,d transactions, %s to %s)%n",
          files.customers(), files.accounts(), files.transactions(), files.transactionRows(),
          TransactionPopulation.FIRST_DAY, TransactionPopulation.LAST_DAY);
    }
    return ExitCodes.OK;
  }
}
