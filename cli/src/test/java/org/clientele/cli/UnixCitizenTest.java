package org.clientele.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clientele.core.demo.DemoFiles;
import org.clientele.core.demo.TransactionPopulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a Unix citizen (issue 12, items 5-7): pipes as input, write errors, --version,
 * suggestions, completion, option dates, presets, and the features file.
 */
class UnixCitizenTest {

  @TempDir static Path data;
  private static DemoFiles demo;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    demo = DemoFiles.write(TransactionPopulation.of(300, 5), data, i -> { });
  }

  private static String tx() {
    return String.valueOf(demo.transactions());
  }

  private static Cli.Run withStdin(byte[] stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      return Cli.run(args);
    } finally {
      System.setIn(saved);
    }
  }

  private static long spools() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("clientele-spool-")).count();
    }
  }

  @Test
  void transactionsFromStandardInputGiveTheSameResultsAsTheFile() throws IOException {
    Path fromFile = dir.resolve("file.csv");
    Path fromPipe = dir.resolve("pipe.csv");
    Cli.Run file = Cli.run("classify", "--transactions", tx(), "--out", fromFile.toString());
    long before = spools();
    Cli.Run pipe = withStdin(Files.readAllBytes(demo.transactions()), "classify", "--transactions", "-", "--out", fromPipe.toString());
    assertThat(pipe.code()).as(pipe.toString()).isEqualTo(file.code());
    assertThat(Files.readAllLines(fromPipe)).hasSizeGreaterThan(100).isEqualTo(Files.readAllLines(fromFile));
    assertThat(spools()).as("the temporary copy is deleted").isEqualTo(before);
  }

  @Test
  void aNamedPipeIsReadOnceAndGivesTheSameResultsAsTheFile() throws Exception {
    Path fifo = dir.resolve("orders.csv");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeThat(false).as("mkfifo is not available: " + e.getMessage()).isTrue();
      return;
    }
    assumeThat(mk.waitFor()).isZero();
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        Files.copy(demo.transactions(), out);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    Path fromPipe = dir.resolve("pipe.csv");
    Cli.Run pipe = Cli.run("classify", "--transactions", fifo.toString(), "--out", fromPipe.toString());
    writer.join(10_000);
    Path fromFile = dir.resolve("file.csv");
    Cli.run("classify", "--transactions", tx(), "--out", fromFile.toString());
    assertThat(pipe.err()).as(pipe.toString()).doesNotContain("empty");
    assertThat(Files.readAllLines(fromPipe)).hasSizeGreaterThan(100).isEqualTo(Files.readAllLines(fromFile));
  }

  @Test
  void aDirectoryGivenAsInputIsNamedAsSuchNotCopied() {
    Cli.Run run = Cli.run("classify", "--transactions", dir.toString(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("not a regular file").doesNotContain("temporary file");
  }

  @Test
  void aClosedStandardOutputIsAFatalErrorNotSuccess() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void flush() throws IOException {
        throw new IOException("Broken pipe");
      }

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(broken), new PrintWriter(err, true), "classify", "--transactions", tx(), "--out", "-");
    assertThat(code).isEqualTo(ExitCodes.FATAL);
    assertThat(err.toString()).contains("cannot write to standard output");
  }

  @Test
  void aClosedStandardOutputAfterTheResultsIsStillAnError() {
    Writer broken = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("No space left on device");
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(broken), new PrintWriter(err, true), "--help");
    assertThat(code).isEqualTo(ExitCodes.FATAL);
    assertThat(err.toString()).contains("cannot write to standard output");
  }

  @Test
  void everySubcommandPrintsTheVersion() {
    java.util.Set<String> commands = Main.commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()))
        .getSubcommands().keySet();
    assertThat(commands).contains("classify", "completion");
    for (String command : commands) {
      Cli.Run run = Cli.run(command, "--version");
      assertThat(run.code()).as(command).isZero();
      assertThat(run.out()).as(command).startsWith("clientele ");
    }
    // The build is named: version, build time, and the Java that runs it.
    assertThat(Cli.run("--version").out()).containsPattern("clientele \\S+ \\(built \\d{4}-\\d{2}-\\d{2}T").contains("Java ");
  }

  @Test
  void aMistypedSubcommandOrOptionGetsASuggestion() {
    Cli.Run command = Cli.run("clasify", "--transactions", tx());
    assertThat(command.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(command.err()).contains("Did you mean").contains("classify");
    Cli.Run option = Cli.run("classify", "--tranzactions", tx(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(option.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(option.err()).contains("--transactions");
  }

  @Test
  void completionPrintsABashScriptWithEveryCommandAndOption() {
    Cli.Run run = Cli.run("completion");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("complete -F").contains("classify").contains("--features-out").contains("fxiaoke");
  }

  @Test
  void aBadReferenceDateNamesTheExpectedFormWithoutJavaClassNames() {
    Cli.Run run = Cli.run("classify", "--transactions", tx(), "--out", dir.resolve("r.jsonl").toString(), "--reference-date", "31.12.2024");
    assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).contains("yyyy-MM-dd").doesNotContain("java.").doesNotContain("Exception");
  }

  @Test
  void featuresOutHoldsWhatTheLabelsWereComputedFromOneRowPerCustomer() throws IOException {
    Path features = dir.resolve("features.csv");
    Path results = dir.resolve("r.csv");
    Cli.Run run = Cli.run("classify", "--transactions", tx(), "--out", results.toString(), "--features-out", features.toString());
    assertThat(run.code()).as(run.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTIONS);
    List<String> lines = Files.readAllLines(features);
    assertThat(lines.get(0)).startsWith("customer_id,").contains("revenue_12m").contains("days_since_last_purchase");
    assertThat(lines).hasSameSizeAs(Files.readAllLines(results));
    assertThat(run.out()).contains("Features: " + features);
  }

  @Test
  void featuresOutInLifetimesModeHasTheLifetimesSummaryColumns() throws IOException {
    Path config = dir.resolve("lifetimes.json");
    Files.writeString(config, "{\"dimensions\": {\"industry\": {}}, \"input\": {\"derive\": {\"mode\": \"lifetimes\"}}}");
    Path features = dir.resolve("features.csv");
    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--transactions", tx(), "--out", dir.resolve("r.jsonl").toString(),
        "--features-out", features.toString());
    assertThat(run.code()).as(run.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTIONS);
    List<String> lines = Files.readAllLines(features);
    assertThat(lines.get(0)).isEqualTo("customer_id,frequency,recency,T,monetary_value");
    assertThat(lines).hasSizeGreaterThan(100);
    assertThat(lines.get(1).split(",", -1)).hasSize(5).allSatisfy(v -> assertThat(v).isNotEmpty());
  }

  @Test
  void anFxiaokeExportInChineseIsClassifiedWithThePresetAndANameMapping() throws IOException {
    Path accounts = dir.resolve("客户.csv");
    Path orders = dir.resolve("销售订单.csv");
    Files.writeString(accounts, "\uFEFF客户名称,所属行业,负责人\n华东精密,制造业,张三\n信达资本,金融业,李四\n客户名称,所属行业,负责人\n",
        StandardCharsets.UTF_8);
    Files.writeString(orders, "订单编号,客户名称,下单日期,销售订单金额\nSO1,华东精密,2024-03-01,\"¥1,234.50\"\nSO2,信达资本,2024-03-02,\"¥88,000\"\n",
        StandardCharsets.UTF_8);
    Path config = dir.resolve("c.json");
    Files.writeString(config, "\uFEFF{\"dimensions\": {\"industry\": {\"mapping\": {\"制造业\": \"MANUFACTURING\", \"金融业\": \"FINANCE\"}}}}",
        StandardCharsets.UTF_8);
    Path out = dir.resolve("r.csv");
    Path rejected = dir.resolve("rejected.csv");
    Cli.Run run = Cli.run("classify", "-c", config.toString(), "--preset", "fxiaoke", "--customers", accounts.toString(),
        "--transactions", orders.toString(), "--out", out.toString(), "--rejections", rejected.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(ExitCodes.REJECTIONS); // the repeated header only
    assertThat(Files.readString(out)).contains("华东精密,MANUFACTURING").contains("信达资本,FINANCE").doesNotContain("客户名称,");
    assertThat(Files.readString(rejected)).contains("repeated_header");
  }

  @Test
  void anUnknownPresetListsTheKnownOnes() {
    Cli.Run run = Cli.run("classify", "--preset", "hubspot", "--transactions", tx(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("zoho").contains("salesforce").contains("fxiaoke");
  }

  @Test
  void aGb18030FileSaysItIsNotUtf8() throws IOException {
    Path accounts = dir.resolve("accounts.csv");
    Files.write(accounts, "客户名称,所属行业\n华东精密,制造业\n".getBytes(Charset.forName("GB18030")));
    Cli.Run run = Cli.run("classify", "--preset", "fxiaoke", "--customers", accounts.toString(), "--out", dir.resolve("r.jsonl").toString());
    assertThat(run.code()).isEqualTo(ExitCodes.FATAL);
    assertThat(run.err()).contains("this file is not UTF-8").contains("GB18030").contains("encoding").doesNotContain("set idColumn");
  }
}
