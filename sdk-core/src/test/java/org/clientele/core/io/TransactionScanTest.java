package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.clientele.api.Customer;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan gives exactly what {@link TransactionReader} gives for the same file: the same
 * accepted transactions on the same lines, the same rejections (every field of them), the same
 * counts and the same fatal errors. Checked on random files built from the values and line shapes
 * that take the scan off its own path (quotes, blanks, bad dates and numbers, CR line breaks,
 * non-ASCII and malformed bytes, the wrong number of values, a repeated header), on the fuzz corpus,
 * and through {@link FeatureDeriver#derive(Path, TransactionFormat, DerivationOptions,
 * RejectionSink)}.
 */
class TransactionScanTest {

  static final String HEADER = "customer_id,date,amount,quantity,order_id,channel";
  private static final LocalDate REFERENCE = LocalDate.of(2024, 7, 1);

  private static final String[] IDS = {"A1", "A2", "B-7", "C 9", " A1", "A1 ", "", "é1", "\"A1\"", "A\"1", "customer_id", "\t"};
  private static final String[] DATES = {
    "2023-01-05", "2024-02-29", "2023-02-29", "2024-06-30", "2024-07-01", "2022-12-31", "0000-01-01", "0001-01-01",
    "1899-12-31", "1900-01-01", "9999-12-31", "2023-1-5", "2023-01-05T10:00:00", "2023-01-05 10:00", "20230105",
    " 2023-01-05", "", "abcd-ef-gh", "2023-13-01", "2023-04-31", "+2023-01-05"
  };
  private static final String[] AMOUNTS = {
    "10", "10.5", "-3.25", "+4", ".5", "5.", "0", "-0", "1e3", "1,5", "12345678901234567", "123456789012345",
    "0.1234567890123", "0.12345678901234567", "NaN", "", " 7", "7 ", "€5", "99999999999999.99", "1.7976931348623157e309",
    "-", ".", "1.2.3", "0.1", "0.3", "2.675", "9007199254740993", "900719925474099.3", "00012.50"
  };
  private static final String[] QUANTITIES = {"", "", "1", "2.5", "x", " 2", "-1"};
  private static final String[] ORDERS = {"", "O1", "O1", "O2", " O1", "O1-R", "ORDER-123456789012345", "\"O1\""};
  private static final String[] CHANNELS = {"", "online", "offline", "web shop", " online", "онлайн", "a,b"};
  private static final String[] BREAKS = {"\n", "\n", "\n", "\n", "\r\n", "\r"};

  @TempDir Path dir;

  /** What a pass gave: accepted rows, rejections, counts, or the error that stopped it. */
  record Outcome(List<String> accepted, List<Rejection> rejections, @Nullable ReadCounts counts, @Nullable String error) {}

  @Test
  void randomFilesGiveWhatTheReaderGives() throws IOException {
    Random random = new Random(19);
    int scannedWholly = 0;
    for (int file = 0; file < 400; file++) {
      byte[] bytes = randomFile(random, file);
      Path path = dir.resolve("t" + file + ".csv");
      Files.write(path, bytes);
      boolean strict = file % 10 == 9;
      TransactionFormat format = file % 7 == 6
          ? TransactionFormat.builder().delimiter(";").build()
          : TransactionFormat.defaults();
      Outcome reader = viaReader(path, format, strict);
      Outcome scan = viaScan(path, format, strict);
      assertThat(scan).as("file %d:%n%s", file, new String(bytes, StandardCharsets.UTF_8)).isEqualTo(reader);
      if (reader.error() == null && reader.counts() != null && reader.counts().rejected() == 0) {
        scannedWholly++;
      }
    }
    assertThat(scannedWholly).as("files without a bad row").isGreaterThan(10);
  }

  @Test
  void plainFilesAreReadWithoutTheParser() throws IOException {
    // The plain path is taken (and checked against the reader) for a whole file of plain rows.
    StringBuilder text = new StringBuilder("\uFEFF" + HEADER + "\r\n");
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      text.append("C").append(random.nextInt(300)).append(',')
          .append(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1700))).append(',')
          .append(random.nextInt(2) == 0 ? "-" : "").append(random.nextInt(100000) / 100.0).append(',')
          .append(random.nextInt(5)).append(",O").append(random.nextInt(50)).append(',')
          .append(random.nextBoolean() ? "online" : "").append("\r\n");
    }
    Path path = dir.resolve("plain.csv");
    Files.writeString(path, text);
    Outcome reader = viaReader(path, TransactionFormat.defaults(), false);
    assertThat(reader.accepted()).hasSize(2000);
    assertThat(viaScan(path, TransactionFormat.defaults(), false)).isEqualTo(reader);
    assertDerivesTheSame(path, TransactionFormat.defaults());
  }

  @Test
  void theFuzzCorpusGivesWhatTheReaderGives() throws IOException {
    Path corpus;
    try {
      corpus = Path.of(java.util.Objects.requireNonNull(
          TransactionScanTest.class.getResource("ReaderFuzzTestInputs/transactions"), "the fuzz corpus").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<Path> inputs;
    try (Stream<Path> files = Files.list(corpus)) {
      inputs = files.sorted().toList();
    }
    assertThat(inputs).isNotEmpty();
    int n = 0;
    for (Path input : inputs) {
      byte[] raw = Files.readAllBytes(input);
      for (byte[] bytes : List.of(raw, concat((HEADER + "\n").getBytes(StandardCharsets.UTF_8), raw))) {
        Path path = dir.resolve("corpus" + n++ + ".csv");
        Files.write(path, bytes);
        assertThat(viaScan(path, TransactionFormat.defaults(), false)).as("%s", input)
            .isEqualTo(viaReader(path, TransactionFormat.defaults(), false));
      }
    }
  }

  @Test
  void derivationFromAFileIsTheDerivationFromItsReader() throws IOException {
    Random random = new Random(3);
    for (int file = 0; file < 60; file++) {
      Path path = dir.resolve("d" + file + ".csv");
      Files.write(path, randomFile(random, file));
      assertDerivesTheSame(path, TransactionFormat.defaults());
    }
  }

  @Test
  void anOpenDateDerivesInOnePassWhatTheTwoPassDerivationGave() throws IOException {
    // The reference: a first pass over the dates, then a pass as of the date found (the job as it
    // was before the date was settled after one pass). Both one-pass paths (scan, reader) must give
    // its features bit for bit, its rejections in order, its counts and its basis.
    Random random = new Random(41);
    int gaps = 0;
    for (int file = 0; file < 300; file++) {
      Path path = dir.resolve("o" + file + ".csv");
      Files.write(path, file % 3 == 0 ? plainFile(random, 300 + random.nextInt(3000), file % 6 == 0) : randomFile(random, file));
      TransactionFormat format = file % 7 == 6 && file % 3 != 0
          ? TransactionFormat.builder().delimiter(";").build() : TransactionFormat.defaults();
      DerivationOptions options = file % 5 == 4
          ? DerivationOptions.lifetimes(null, org.clientele.core.features.PeriodUnit.WEEKS) : DerivationOptions.defaults();
      List<Rejection> expectedRejections = new ArrayList<>();
      TwoPass expected;
      try {
        expected = twoPass(path, format, options, expectedRejections);
      } catch (InputException e) {
        assertThatThrownBy(() -> FeatureDeriver.derive(path, format, options, r -> { }))
            .isInstanceOf(InputException.class).hasMessage(e.getMessage());
        continue;
      }
      gaps += expected.basis().contains("after a gap") ? 1 : 0;
      for (boolean scan : new boolean[] {true, false}) {
        List<Rejection> rejections = new ArrayList<>();
        FeatureDeriver.Result actual = scan
            ? FeatureDeriver.derive(path, format, options, rejections::add)
            : FeatureDeriver.derive(s -> TransactionReader.open(path, format, s), options, rejections::add);
        String what = (scan ? "scan" : "reader") + ", file " + file;
        assertThat(rejections).as(what).isEqualTo(expectedRejections);
        assertThat(actual.counts()).as(what).isEqualTo(expected.counts());
        assertThat(actual.referenceBasis()).as(what).isEqualTo(expected.basis());
        assertThat(bits(actual.features())).as(what).isEqualTo(bits(expected.deriver()));
        assertThat(actual.features().referenceDate()).as(what).isEqualTo(expected.deriver().referenceDate());
        assertThat(actual.features().lastTransactionDate()).as(what).isEqualTo(expected.deriver().lastTransactionDate());
        assertThat(actual.features().ignoredAfterReference()).as(what).isZero();
        assertThat(actual.features().used()).as(what).isEqualTo(expected.deriver().used());
      }
    }
    assertThat(gaps).as("files whose last rows lie after a gap (read twice)").isGreaterThan(5);
  }

  @Test
  void pastTenThousandRejectionsTheRowsAfterAGapAreReportedLast() throws IOException {
    StringBuilder text = new StringBuilder(HEADER + "\n");
    for (int i = 0; i < 10_500; i++) {
      text.append("C").append(i % 50).append(",not-a-date,1\n");
      if (i % 50 == 0) {
        text.append("C").append(i % 70).append(',').append(LocalDate.of(2023, 1, 1).plusDays(i % 700)).append(",10,1,,\n");
      }
      if (i == 5_000) {
        text.append("C7,2098-01-05,10,1,,\n"); // after a gap of decades: rejected, R is settled before it
      }
    }
    Path path = dir.resolve("many.csv");
    Files.writeString(path, text);
    List<Rejection> expected = new ArrayList<>();
    TwoPass twoPass = twoPass(path, TransactionFormat.defaults(), DerivationOptions.defaults(), expected);
    List<Rejection> actual = new ArrayList<>();
    FeatureDeriver.Result result = FeatureDeriver.derive(path, TransactionFormat.defaults(), DerivationOptions.defaults(), actual::add);
    List<Rejection> gap = expected.stream().filter(r -> r.value().equals("2098-01-05")).toList();
    assertThat(gap).hasSize(1);
    List<Rejection> others = new ArrayList<>(expected);
    others.removeAll(gap);
    List<Rejection> reordered = new ArrayList<>(others);
    reordered.addAll(gap);
    assertThat(actual).isEqualTo(reordered);
    assertThat(result.counts()).isEqualTo(twoPass.counts());
    assertThat(result.referenceBasis()).isEqualTo(twoPass.basis()).contains("1 row dated after a gap");
    assertThat(bits(result.features())).isEqualTo(bits(twoPass.deriver()));
  }

  /** What the derivation with an open date gave when it read the log twice. */
  record TwoPass(FeatureDeriver deriver, ReadCounts counts, String basis) {}

  private static TwoPass twoPass(Path path, TransactionFormat format, DerivationOptions options, List<Rejection> out) {
    String source = String.valueOf(path.getFileName());
    java.util.NavigableMap<Long, Long> days = new java.util.TreeMap<>();
    try (TransactionReader reader = TransactionReader.open(path, format, RejectionSink.discard())) {
      while (reader.hasNext()) {
        Transaction t = reader.next();
        if (FeatureDeriver.implausibleDate(t, null, source, reader.line()).isEmpty()) {
          days.merge(t.date().toEpochDay(), 1L, Long::sum);
        }
      }
    }
    LocalDate latest = FeatureDeriver.lastPlausibleDay(days, options).orElse(null);
    LocalDate last = latest != null ? latest : days.isEmpty() ? null : LocalDate.ofEpochDay(days.lastKey());
    boolean standard = options.mode() == DerivationOptions.Mode.STANDARD;
    String basis = last == null ? "no transaction"
        : standard ? "the day after the last transaction (" + last + ")" : "the last transaction's day (" + last + ")";
    if (latest != null) {
      long after = days.tailMap(latest.toEpochDay(), false).values().stream().mapToLong(Long::longValue).sum();
      basis += "; " + after + " row" + (after == 1 ? "" : "s") + " dated after a gap of more than "
          + options.implausibleGapDays() + " days rejected as implausible_date";
    }
    LocalDate end = last != null ? last : LocalDate.EPOCH;
    FeatureDeriver deriver = standard ? FeatureDeriver.asOf(end.plusDays(1)) : FeatureDeriver.lifetimes(end, options.unit());
    long moved = 0;
    ReadCounts counts;
    try (TransactionReader reader = TransactionReader.open(path, format, out::add)) {
      while (reader.hasNext()) {
        Transaction t = reader.next();
        java.util.Optional<Rejection> r = FeatureDeriver.implausibleDate(t, latest, source, reader.line());
        if (r.isPresent()) {
          out.add(r.get());
          moved++;
        } else {
          deriver.add(t);
        }
      }
      ReadCounts c = reader.counts();
      java.util.Map<RejectionReason, Long> byReason = new java.util.EnumMap<>(RejectionReason.class);
      byReason.putAll(c.rejectedByReason());
      if (moved > 0) {
        byReason.merge(RejectionReason.IMPLAUSIBLE_DATE, moved, Long::sum);
      }
      counts = moved == 0 ? c : new ReadCounts(c.source(), c.read(), c.accepted() - moved, c.rejected() + moved, byReason, c.notes());
    }
    return new TwoPass(deriver, counts, basis);
  }

  /** Every customer's features, numbers as their exact bits (so 0.30000000000000004 is not 0.3). */
  static List<String> bits(FeatureDeriver deriver) {
    List<String> out = new ArrayList<>();
    deriver.customers().forEachRemaining(c -> {
      StringBuilder b = new StringBuilder(c.id());
      c.features().entrySet().stream().sorted(java.util.Comparator.comparing(e -> e.getKey().name())).forEach(e -> {
        Object v = e.getValue();
        b.append('|').append(e.getKey().name()).append('=')
            .append(v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : v);
      });
      out.add(b.toString());
    });
    return out;
  }

  /**
   * Plain rows of a few hundred customers over five years in random order (so a window's rows come
   * before and after its boundaries), refunds and repeated order ids; some files end with a few
   * rows after a gap of years.
   */
  static byte[] plainFile(Random random, int rows, boolean gap) {
    StringBuilder text = new StringBuilder(HEADER + "\n");
    for (int i = 0; i < rows; i++) {
      boolean late = gap && i % 500 == 250;
      text.append("C").append(random.nextInt(200)).append(',')
          .append(late ? LocalDate.of(2098, 1, 1).plusDays(random.nextInt(30)) : LocalDate.of(2019, 1, 1).plusDays(random.nextInt(1900)))
          .append(',').append(random.nextInt(6) == 0 ? "-" : "").append(random.nextInt(100000) / 100.0).append(',')
          .append(random.nextInt(5)).append(",O").append(random.nextInt(8)).append(',')
          .append(random.nextInt(3) == 0 ? "" : random.nextBoolean() ? "online" : "store").append('\n');
    }
    return text.toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void unsupportedLayoutsAreRefusedWithTheReaderToUse() {
    Path path = dir.resolve("t.jsonl");
    assertThat(TransactionScan.supports(path, TransactionFormat.defaults())).isFalse();
    assertThatThrownBy(() -> TransactionScan.scan(path, TransactionFormat.defaults(), RejectionSink.discard(), ignoring()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TransactionReader");
    assertThat(TransactionScan.supports(dir.resolve("t.csv"), TransactionFormat.builder().delimiter("whitespace").build())).isFalse();
    assertThat(TransactionScan.supports(dir.resolve("t.csv"), TransactionFormat.builder().encoding(java.nio.charset.Charset.forName("GB18030")).build())).isFalse();
  }

  private static void assertDerivesTheSame(Path path, TransactionFormat format) {
    DerivationOptions options = DerivationOptions.asOf(REFERENCE);
    List<Rejection> viaReader = new ArrayList<>();
    List<Rejection> viaScan = new ArrayList<>();
    FeatureDeriver.Result expected;
    try {
      expected = FeatureDeriver.derive(s -> TransactionReader.open(path, format, s), options, viaReader::add);
    } catch (InputException e) {
      assertThatThrownBy(() -> FeatureDeriver.derive(path, format, options, viaScan::add))
          .isInstanceOf(InputException.class).hasMessage(e.getMessage());
      return;
    }
    FeatureDeriver.Result actual = FeatureDeriver.derive(path, format, options, viaScan::add);
    assertThat(viaScan).isEqualTo(viaReader);
    assertThat(actual.counts()).isEqualTo(expected.counts());
    assertThat(actual.referenceBasis()).isEqualTo(expected.referenceBasis());
    assertThat(customers(actual.features())).isEqualTo(customers(expected.features()));
    assertThat(actual.features().lastTransactionDate()).isEqualTo(expected.features().lastTransactionDate());
    assertThat(actual.features().ignoredAfterReference()).isEqualTo(expected.features().ignoredAfterReference());
  }

  private static List<Customer> customers(FeatureDeriver deriver) {
    List<Customer> out = new ArrayList<>();
    deriver.customers().forEachRemaining(out::add);
    return out;
  }

  private static Outcome viaReader(Path path, TransactionFormat format, boolean strict) {
    List<String> accepted = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    RejectionSink sink = strict ? RejectionSink.strict() : rejections::add;
    ReadCounts counts = null;
    String error = null;
    try (TransactionReader reader = TransactionReader.open(path, format, sink)) {
      try {
        while (reader.hasNext()) {
          Transaction t = reader.next();
          accepted.add(describe(reader.line(), t.customerId(), t.date(), t.amount(), t.orderId(), t.channel()));
        }
      } finally {
        counts = reader.counts();
      }
    } catch (InputException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new Outcome(accepted, rejections, error == null ? counts : null, error);
  }

  private static Outcome viaScan(Path path, TransactionFormat format, boolean strict) {
    List<String> accepted = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    RejectionSink sink = strict ? RejectionSink.strict() : rejections::add;
    ReadCounts counts = null;
    String error = null;
    try {
      counts = TransactionScan.scan(path, format, sink, new TransactionScan.Visitor() {
        @Override
        public void row(TransactionScan.Row row) {
          accepted.add(describe(row.line(), row.customerId().toString(), row.date(), row.amount(),
              row.orderId() == null ? null : String.valueOf(row.orderId()),
              row.channel() == null ? null : String.valueOf(row.channel())));
        }

        @Override
        public void transaction(Transaction t, long line, @Nullable String dateText) {
          accepted.add(describe(line, t.customerId(), t.date(), t.amount(), t.orderId(), t.channel()));
        }
      });
    } catch (InputException e) {
      error = e.getClass().getSimpleName() + ": " + e.getMessage();
    }
    return new Outcome(accepted, rejections, counts, error);
  }

  private static TransactionScan.Visitor ignoring() {
    return new TransactionScan.Visitor() {
      @Override
      public void row(TransactionScan.Row row) {}

      @Override
      public void transaction(Transaction transaction, long line, @Nullable String dateText) {}
    };
  }

  private static String describe(long line, String id, LocalDate date, double amount, @Nullable String order, @Nullable String channel) {
    return line + "|" + id + "|" + date + "|" + Double.doubleToRawLongBits(amount) + "|" + order + "|" + channel;
  }

  /** A file of plain and tricky lines; each line mostly plain, with one value or shape off now and then. */
  static byte[] randomFile(Random random, int seed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String delimiter = seed % 7 == 6 ? ";" : ",";
    if (random.nextInt(20) == 0) {
      out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    String header = switch (random.nextInt(12)) {
      case 0 -> "\"customer_id\",\"date\",\"amount\"";
      case 1 -> "date,customer_id,amount";
      case 2 -> "customer_id,date";
      case 3 -> "";
      default -> HEADER;
    };
    String[] names = header.replace("\"", "").split(",", -1);
    out.write(header.replace(",", delimiter).getBytes(StandardCharsets.UTF_8));
    out.write(BREAKS[random.nextInt(4)].getBytes(StandardCharsets.UTF_8));
    int lines = random.nextInt(40);
    for (int i = 0; i < lines; i++) {
      boolean tricky = random.nextInt(4) == 0;
      List<String> values = new ArrayList<>();
      for (String name : names) {
        values.add(switch (name) {
          case "customer_id" -> tricky ? pick(random, IDS) : IDS[random.nextInt(3)];
          case "date" -> tricky ? pick(random, DATES) : DATES[random.nextInt(6)];
          case "amount" -> tricky ? pick(random, AMOUNTS) : AMOUNTS[random.nextInt(4)];
          case "quantity" -> pick(random, QUANTITIES);
          case "order_id" -> pick(random, ORDERS);
          case "channel" -> pick(random, CHANNELS);
          default -> "x";
        });
      }
      String line = String.join(delimiter, values);
      if (tricky) {
        switch (random.nextInt(10)) {
          case 0 -> line = "";
          case 1 -> line = "   ";
          case 2 -> line = line + delimiter;
          case 3 -> line = header.replace(",", delimiter);
          case 4 -> line = line.substring(0, line.length() / 2);
          default -> { }
        }
      }
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      if (tricky && random.nextInt(8) == 0 && bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? 0xC3 : 0x00);
      }
      out.write(bytes);
      if (i < lines - 1 || random.nextBoolean()) {
        out.write((tricky ? pick(random, BREAKS) : "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
