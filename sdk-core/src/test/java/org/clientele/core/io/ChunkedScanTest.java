package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel scan (line-aligned chunks parsed on worker threads, rows handed over in file order)
 * makes exactly the visitor calls of the sequential scan: the same kind of call (a row the scan
 * read, a transaction the reader's code converted), on the same line, with the same values, the
 * same rejections in the same order, the same counts and the same fatal errors. Checked on the
 * random files and the fuzz corpus of {@link TransactionScanTest} with chunks down to one byte
 * (every line its own chunk), on small files cut at every possible chunk size, and through {@link
 * FeatureDeriver#derive(Path, TransactionFormat, DerivationOptions, RejectionSink, int)} on files
 * of several real-sized chunks.
 */
class ChunkedScanTest {

  private static final String HEADER = TransactionScanTest.HEADER;

  @TempDir Path dir;

  /** Every call the visitor and the sink received, in order, and how the pass ended. */
  record Calls(List<String> calls, @Nullable ReadCounts counts, @Nullable String error) {}

  @Test
  void randomFilesGiveTheSequentialCallsAtAnyChunkSize() throws IOException {
    Random random = new Random(19);
    int handedOver = 0;
    for (int file = 0; file < 400; file++) {
      byte[] bytes = TransactionScanTest.randomFile(random, file);
      boolean strict = file % 10 == 9;
      TransactionFormat format = file % 7 == 6
          ? TransactionFormat.builder().delimiter(";").build() : TransactionFormat.defaults();
      Calls expected = scan(bytes, format, strict, 1, TransactionScan.CHUNK);
      handedOver += expected.calls().stream().anyMatch(c -> c.startsWith("transaction")) ? 1 : 0;
      for (int chunk : new int[] {1, 2, 5, 13, 64, TransactionScan.CHUNK}) {
        assertThat(scan(bytes, format, strict, 2 + file % 2, chunk))
            .as("file %d, chunks of %d bytes:%n%s", file, chunk, new String(bytes, StandardCharsets.UTF_8))
            .isEqualTo(expected);
      }
    }
    assertThat(handedOver).as("files with a line for the reader's code").isGreaterThan(100);
  }

  @Test
  void theFuzzCorpusGivesTheSequentialCalls() throws IOException {
    Path corpus;
    try {
      corpus = Path.of(java.util.Objects.requireNonNull(
          ChunkedScanTest.class.getResource("ReaderFuzzTestInputs/transactions"), "the fuzz corpus").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Path> inputs;
    try (Stream<Path> files = Files.list(corpus)) {
      inputs = files.sorted().toList();
    }
    assertThat(inputs).isNotEmpty();
    for (Path input : inputs) {
      byte[] raw = Files.readAllBytes(input);
      for (byte[] bytes : List.of(raw, TransactionScanTest.concat((HEADER + "\n").getBytes(StandardCharsets.UTF_8), raw))) {
        Calls expected = scan(bytes, TransactionFormat.defaults(), false, 1, TransactionScan.CHUNK);
        for (int chunk : new int[] {1, 7, 64, TransactionScan.CHUNK}) {
          assertThat(scan(bytes, TransactionFormat.defaults(), false, 2, chunk)).as("%s, chunks of %d", input, chunk)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void chunkBoundariesAtEveryByteGiveTheSequentialCalls() {
    String plain = "C1,2024-01-05,10.5,1,O1,online";
    List<String> files = List.of(
        "",
        "\uFEFF",
        HEADER,
        HEADER + "\n",
        "\uFEFF" + HEADER + "\r\n" + plain + "\r\n" + plain.replace("C1", "C2") + "\r\n" + plain + "\r\n",
        // the last line without a line break, and one with a carriage return alone at the end
        HEADER + "\n" + plain + "\n" + plain.replace("O1", "O2"),
        HEADER + "\n" + plain + "\n" + plain.replace("O1", "O3") + "\r",
        // a quote in the third chunk of two-line chunks: from there on the CSV parser reads
        HEADER + "\n" + (plain + "\n").repeat(4) + "C3,2024-02-01,5,1,\"O,9\",online\n" + (plain + "\n").repeat(3)
            + " C4,2024-02-02,6,1,O4,store\n",
        // lines the reader's code converts or rejects between plain ones; empty and blank lines
        HEADER + "\n" + plain + "\n\n   \n C5,2024-01-05,1,,,\nC6,2024-13-01,1,,,\n" + HEADER + "\n"
            + "é7,2024-01-05,2,,,\nC8,2024-01-05,3,,,,\n" + plain + "\n",
        // a control character, then plain lines the parser reads
        HEADER + "\n" + plain + "\nC9,2024-01-05,4,\u0001,,\n" + plain + "\n" + plain + "\n",
        // blanks alone: the parser's call
        HEADER + "\n" + plain + "\n\t\n" + plain + "\n",
        // a malformed UTF-8 sequence at a line's end (decoded with its line break)
        HEADER + "\n" + plain + "\nC10,2024-01-05,4,,,x\u00e9\n" + plain + "\n");
    int n = 0;
    for (String text : files) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (n == files.size() - 1) {
        bytes = bytes.clone();
        int at = text.indexOf("x\u00e9") + 1;
        byte[] cut = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, cut, 0, at + 1); // keep the first byte of é, drop its second
        System.arraycopy(bytes, at + 2, cut, at + 1, bytes.length - at - 2);
        bytes = cut;
      }
      n++;
      for (boolean strict : new boolean[] {false, true}) {
        Calls expected = scan(bytes, TransactionFormat.defaults(), strict, 1, TransactionScan.CHUNK);
        for (int chunk = 1; chunk <= bytes.length + 1; chunk++) {
          assertThat(scan(bytes, TransactionFormat.defaults(), strict, 2, chunk))
              .as("file %d, strict %s, chunks of %d:%n%s", n, strict, chunk, text)
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void aLineLongerThanTheScanReadsIsHandedOverAsInTheSequentialScan() {
    String plain = "C1,2024-01-05,10.5,1,O1,online\n";
    String text = HEADER + "\n" + plain.repeat(3) + "C2,2024-01-05,1,1,O2," + "x".repeat((1 << 20) + 10) + "\n"
        + plain.repeat(3);
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    Calls expected = scan(bytes, TransactionFormat.defaults(), false, 1, TransactionScan.CHUNK);
    assertThat(expected.calls()).hasSize(8); // three rows, four lines for the parser, the counts
    assertThat(expected.calls().get(3)).startsWith("transaction|5|");
    for (int chunk : new int[] {1, 100, TransactionScan.CHUNK}) {
      assertThat(scan(bytes, TransactionFormat.defaults(), false, 2, chunk)).as("chunks of %d", chunk).isEqualTo(expected);
    }
  }

  @Test
  void rowsOfManyChunksKeepTheirLines() {
    // Independent of the sequential scan: the line a row reports is the file's line that holds it.
    byte[] bytes = TransactionScanTest.plainFile(new Random(5), 20_000, false);
    String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n", -1);
    Calls calls = scan(bytes, TransactionFormat.defaults(), false, 2, 4096);
    assertThat(calls.calls()).hasSize(20_000 + 1); // the rows and the counts
    for (String call : calls.calls().subList(0, 20_000)) {
      String[] parts = call.split("\\|", -1);
      assertThat(parts[0]).isEqualTo("row");
      assertThat(lines[Integer.parseInt(parts[1]) - 1]).as(call).startsWith(parts[2] + ",");
    }
  }

  @Test
  void derivationOnSeveralThreadsIsTheSequentialDerivation() throws IOException {
    Random random = new Random(23);
    for (int file = 0; file < 6; file++) {
      // Two to three real chunks of plain rows (some after a gap of years: read twice), and in
      // one file in three a quote in the second chunk.
      byte[] bytes = TransactionScanTest.plainFile(random, 50_000 + random.nextInt(20_000), file % 2 == 0);
      if (file % 3 == 1) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int at = text.indexOf('\n', TransactionScan.CHUNK + TransactionScan.CHUNK / 3) + 1;
        bytes = (text.substring(0, at) + "\"C1\",2020-03-04,7,1,O1,store\n" + text.substring(at)).getBytes(StandardCharsets.US_ASCII);
      }
      Path path = dir.resolve("big" + file + ".csv");
      Files.write(path, bytes);
      DerivationOptions options = file % 4 == 3 ? DerivationOptions.asOf(java.time.LocalDate.of(2023, 6, 1)) : DerivationOptions.defaults();
      List<Rejection> expectedRejections = new ArrayList<>();
      FeatureDeriver.Result expected = FeatureDeriver.derive(path, TransactionFormat.defaults(), options, expectedRejections::add, 1);
      List<Rejection> rejections = new ArrayList<>();
      FeatureDeriver.Result actual = FeatureDeriver.derive(path, TransactionFormat.defaults(), options, rejections::add, 2);
      String what = "file " + file;
      assertThat(rejections).as(what).isEqualTo(expectedRejections);
      assertThat(actual.counts()).as(what).isEqualTo(expected.counts());
      assertThat(actual.referenceBasis()).as(what).isEqualTo(expected.referenceBasis());
      assertThat(TransactionScanTest.bits(actual.features())).as(what).isEqualTo(TransactionScanTest.bits(expected.features()));
      assertThat(actual.features().ignoredAfterReference()).as(what).isEqualTo(expected.features().ignoredAfterReference());
      if (file % 2 == 0 && options.referenceDate() == null) {
        assertThat(actual.referenceBasis()).as(what).contains("after a gap");
      }
    }
  }

  @Test
  void fewerThanOneThreadIsRefused() {
    assertThatThrownBy(() -> TransactionScan.scan(new ByteArrayInputStream(new byte[0]), "t.csv",
        TransactionFormat.defaults(), RejectionSink.discard(), recorder(new ArrayList<>()), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be at least 1, was 0");
  }

  /** Scans the bytes as {@code t.csv}, recording every call. */
  private static Calls scan(byte[] bytes, TransactionFormat format, boolean strict, int threads, int chunk) {
    List<String> calls = new ArrayList<>();
    RejectionSink sink = strict ? RejectionSink.strict() : r -> calls.add("rejected|" + r);
    ReadCounts counts = null;
    String error = null;
    try {
      counts = TransactionScan.scan(new ByteArrayInputStream(bytes), "t.csv", format, sink, recorder(calls), threads, chunk);
      calls.add("counts|" + counts);
    } catch (InputException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage() + " @" + e.line();
    }
    return new Calls(calls, counts, error);
  }

  private static TransactionScan.Visitor recorder(List<String> calls) {
    return new TransactionScan.Visitor() {
      @Override
      public void row(TransactionScan.Row row) {
        calls.add("row|" + row.line() + "|" + row.customerId() + "|" + row.epochDay() + "|"
            + Double.doubleToRawLongBits(row.amount()) + "|" + row.orderId() + "|" + row.channel());
      }

      @Override
      public void transaction(Transaction t, long line, @Nullable String dateText) {
        calls.add("transaction|" + line + "|" + t + "|" + dateText);
      }
    };
  }
}
