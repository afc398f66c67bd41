package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clientele.api.Customer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conservation under hostile input: for every file of a corpus of hostile files, generated here
 * (the big ones are never committed), {@code read = accepted + rejected}, every rejection names a
 * line of the file and a reason, and memory stays bounded however long or wide the input.
 */
class HostileInputTest {

  private static final String TX_HEADER = "customer_id,date,amount,quantity,order_id,channel\n";

  /** One hostile file and what must come of it. */
  record Case(String file, byte[] content, long read, long accepted, Map<RejectionReason, Long> rejected) {}

  private static Case tx(String name, String content, long read, long accepted, Object... reasons) {
    return tx(name, content.getBytes(StandardCharsets.UTF_8), read, accepted, reasons);
  }

  private static Case tx(String name, byte[] content, long read, long accepted, Object... reasons) {
    Map<RejectionReason, Long> byReason = new java.util.EnumMap<>(RejectionReason.class);
    for (int i = 0; i < reasons.length; i += 2) {
      byReason.put((RejectionReason) reasons[i], ((Number) reasons[i + 1]).longValue());
    }
    return new Case(name, content, read, accepted, byReason);
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] c = after.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(middle, 0, out, a.length, middle.length);
    System.arraycopy(c, 0, out, a.length + middle.length, c.length);
    return out;
  }

  static Stream<Arguments> transactionFiles() {
    String tenMegabytes = "x".repeat(10 * 1024 * 1024);
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    return Stream.of(
        tx("truncated_last_line.csv", TX_HEADER + "C1,2024-01-01,10,1,O1,web\nC2,2024-01-0", 2, 1,
            RejectionReason.WRONG_COLUMN_COUNT, 1),
        tx("truncated_last_value.csv", TX_HEADER + "C1,2024-01-01,10,1,O1,web\nC2,2024-01-0,1,1,O2,", 2, 1,
            RejectionReason.UNPARSEABLE_DATE, 1),
        tx("wrong_column_counts.csv", TX_HEADER + "C1,2024-01-01\nC2,2024-01-01,1,1,O1,web,extra,more\n,\nC3,2024-01-01,5,1,O3,web\n",
            4, 1, RejectionReason.WRONG_COLUMN_COUNT, 3),
        tx("invalid_utf8.csv", concat(TX_HEADER + "C1,2024-01-01,10,1,O1,", new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "\nC2,2024-01-01,1,1,O2,web\n"),
            2, 1, RejectionReason.INVALID_ENCODING, 1),
        tx("nul_bytes.csv", TX_HEADER + "C\u00001,2024-01-01,10,1,O1,web\nC2,2024-01-01,1\u0000,1,O2,web\nC3,2024\u0000-01-01,1,1,O3,web\n\u0000\u0000\u0000\n",
            // A NUL at the edge of a value is trimmed like a space ("1\u0000" is 1); inside a value it stays.
            4, 2, RejectionReason.UNPARSEABLE_DATE, 1, RejectionReason.WRONG_COLUMN_COUNT, 1),
        tx("hostile_numbers.csv", TX_HEADER
                + "C1,2024-01-01,1e400,1,O1,web\nC2,2024-01-01,NaN,1,O2,web\nC3,2024-01-01,Infinity,1,O3,web\n"
                + "C4,2024-01-01,-Infinity,1,O4,web\nC5,2024-01-01,-12.50,1,O5,web\nC6,2024-01-01,-1e400,1,O6,web\n"
                + "C7,2024-01-01,10,1e400,O7,web\nC8,2024-01-01," + "9".repeat(400) + ",1,O8,web\n"
                + "C9,2024-01-01,0x10,1,O9,web\nC10,2024-01-01,1" + "0".repeat(5_000) + ",1,O10,web\n",
            10, 1, RejectionReason.NON_FINITE_NUMBER, 8, RejectionReason.UNPARSEABLE_NUMBER, 1),
        tx("dates_far_away.csv", TX_HEADER
                + "C1,2999-12-31,10,1,O1,web\nC2,1899-12-31,10,1,O2,web\nC3,0001-01-01,10,1,O3,web\n"
                + "C4,0000-01-01,10,1,O4,web\nC5,+10000-01-01,10,1,O5,web\nC6,-0001-01-01,10,1,O6,web\n"
                + "C7,2024-02-30,10,1,O7,web\nC8,9999-12-31T23:59:59+14:00,10,1,O8,web\n",
            8, 4, RejectionReason.UNPARSEABLE_DATE, 4),
        tx("ten_megabyte_field.csv", TX_HEADER + "C1,2024-01-01,10,1,O1," + tenMegabytes + "\nC2,2024-01-01," + tenMegabytes + ",1,O2,web\n",
            2, 1, RejectionReason.UNPARSEABLE_NUMBER, 1),
        tx("ten_megabyte_quoted_field.csv", TX_HEADER + "C1,2024-01-01,10,1,O1,\"" + tenMegabytes + "\"\nC2,2024-01-01,1,1,O2,web\n",
            2, 2),
        tx("deeply_nested.jsonl",
            "{\"customer_id\": \"C1\", \"date\": \"2024-01-01\", \"amount\": " + deep + "}\n"
                + deep + "\n"
                + "{\"customer_id\": " + "{\"a\": ".repeat(2_000) + "1" + "}".repeat(2_000) + ", \"date\": \"2024-01-01\", \"amount\": 1}\n"
                + "{\"customer_id\": \"C2\", \"date\": \"2024-01-01\", \"amount\": 1e400}\n"
                + "{\"customer_id\": \"C3\", \"date\": \"2024-01-01\", \"amount\": -5}\n",
            5, 1, RejectionReason.MALFORMED_JSON, 3, RejectionReason.NON_FINITE_NUMBER, 1),
        tx("ten_megabyte_field.jsonl",
            "{\"customer_id\": \"C1\", \"date\": \"2024-01-01\", \"amount\": 1, \"channel\": \"" + tenMegabytes + "\"}\n"
                + "{\"customer_id\": \"C2\", \"date\": \"2024-01-01\", \"amount\": 1}\n",
            2, 2),
        tx("duplicate_rows.csv", TX_HEADER + "C1,2024-01-01,10,1,O1,web\nC1,2024-01-01,10,1,O1,web\n", 2, 2),
        tx("empty.csv", "", 0, 0),
        tx("header_only.csv", TX_HEADER, 0, 0),
        tx("header_only_no_newline.csv", TX_HEADER.strip(), 0, 0),
        tx("only_blank_lines.csv", TX_HEADER + "\n\n\r\n\n", 0, 0),
        tx("empty.jsonl", "", 0, 0))
        .map(c -> Arguments.of(Named.of(c.file(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("transactionFiles")
  void everyHostileTransactionFileConservesItsRows(Case c, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(c.file());
    Files.write(file, c.content());
    List<Rejection> rejections = new ArrayList<>();
    long accepted = 0;
    ReadCounts counts;
    try (TransactionReader reader = TransactionReader.open(file, TransactionFormat.defaults(), rejections::add)) {
      while (reader.hasNext()) {
        reader.next();
        accepted++;
      }
      counts = reader.counts();
    }
    assertConserved(c, counts, accepted, rejections);
  }

  static Stream<Arguments> customerFiles() {
    String header = "id,revenue_12m,orders_12m,satisfaction,first_purchase_date,industry_code\n";
    return Stream.of(
        tx("duplicate_ids.csv", header + "A1,1,1,1,2020-01-01,C10\nA2,1,1,1,2020-01-01,C10\nA1,2,2,2,2020-01-01,C10\n A1 ,3,3,3,2020-01-01,C10\n",
            4, 2, RejectionReason.DUPLICATE_ID, 2),
        tx("hostile_values.csv", header
                + "A1,1e400,1,1,2020-01-01,C10\nA2,NaN,1,1,2020-01-01,C10\nA3,-5,-1,1,2020-01-01,C10\n"
                + "A4,-5,1,9,2020-01-01,C10\nA5,-5,1,1,1899-01-01,C10\nA6,-5,1,1,2999-01-01,\u0000\nA7\n,,,,,\n",
            8, 2, RejectionReason.NON_FINITE_NUMBER, 2, RejectionReason.OUT_OF_RANGE, 2,
            RejectionReason.WRONG_COLUMN_COUNT, 1, RejectionReason.MISSING_VALUE, 1),
        tx("deeply_nested.jsonl",
            "{\"id\": \"A1\", \"revenue_12m\": " + "[".repeat(3_000) + "]".repeat(3_000) + "}\n{\"id\": \"A2\"}\n{\"id\": \"A2\"}\n",
            3, 1, RejectionReason.MALFORMED_JSON, 1, RejectionReason.DUPLICATE_ID, 1),
        tx("empty.csv", "", 0, 0),
        tx("header_only.csv", header, 0, 0))
        .map(c -> Arguments.of(Named.of(c.file(), c)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("customerFiles")
  void everyHostileCustomerFileConservesItsRows(Case c, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(c.file());
    Files.write(file, c.content());
    List<Rejection> rejections = new ArrayList<>();
    long accepted = 0;
    ReadCounts counts;
    try (CustomerReader reader = CustomerReader.open(file, CustomerFormat.defaults(), rejections::add)) {
      while (reader.hasNext()) {
        reader.next();
        accepted++;
      }
      counts = reader.counts();
    }
    assertConserved(c, counts, accepted, rejections);
  }

  private static void assertConserved(Case c, ReadCounts counts, long accepted, List<Rejection> rejections) {
    long lines = 1;
    for (byte b : c.content()) {
      lines += b == '\n' ? 1 : 0;
    }
    assertThat(counts.read()).as("read").isEqualTo(c.read()).isEqualTo(counts.accepted() + counts.rejected());
    assertThat(counts.accepted()).as("accepted").isEqualTo(accepted).isEqualTo(c.accepted());
    assertThat(counts.rejected()).as("rejected").isEqualTo(rejections.size());
    Map<RejectionReason, Long> expected = c.rejected();
    assertThat(counts.rejectedByReason()).as("rejections by reason: %s", rejections).isEqualTo(expected);
    for (Rejection r : rejections) {
      assertThat(r.source()).isEqualTo(c.file());
      long first = c.file().endsWith(".jsonl") ? 1 : 2; // a CSV header is line 1
      assertThat(r.line()).as("line of %s", r).isBetween(first, lines);
      assertThat(r.describe()).contains(c.file() + " line " + r.line()).contains(r.reason().code());
      assertThat(r.value().length()).isLessThanOrEqualTo(Rejection.MAX_VALUE_LENGTH + 3);
    }
  }

  // ---------------------------------------------------------------- memory

  /** A reader of {@code rows} generated rows, never held in memory as a whole. */
  private static Reader generated(String header, long rows, Function<Long, String> row) {
    return new Reader() {
      private final StringBuilder pending = new StringBuilder(header);
      private long next;

      @Override
      public int read(char[] buffer, int offset, int length) {
        while (pending.length() < length && next < rows) {
          pending.append(row.apply(next++)).append('\n');
        }
        if (pending.length() == 0) {
          return -1;
        }
        int n = Math.min(length, pending.length());
        pending.getChars(0, n, buffer, offset);
        pending.delete(0, n);
        return n;
      }

      @Override
      public void close() {}
    };
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  @Test
  void memoryStaysBoundedOverHostileTransactionRows() {
    String[] hostile = {
      "C%d,2024-01-01,10,1,O1,web", "C%d,2024-01-01,1e400,1,O1,web", "C%d,2024-13-01,1,1,O1,web",
      "C%d,2024-01-01", "C%d,2024-01-01,NaN,1,O1,web", "C%d,2024-01-01,-5,,,", "C%d,2024-01-01,1,1,O1,web,x"
    };
    long rows = 200_000;
    long[] rejected = {0};
    long before = usedHeapAfterGc();
    long accepted = 0;
    long grown;
    try (TransactionReader reader =
        TransactionReader.open(
            generated(TX_HEADER, rows, i -> hostile[(int) (i % hostile.length)].formatted(i)),
            "generated.csv", TransactionFormat.defaults(), r -> rejected[0]++)) {
      while (reader.hasNext()) {
        reader.next();
        accepted++;
      }
      grown = usedHeapAfterGc() - before;
      assertThat(reader.counts().read()).isEqualTo(rows);
    }
    assertThat(accepted + rejected[0]).isEqualTo(rows);
    assertThat(grown).as("heap kept by the reader after %d rows", rows).isLessThan(16L * 1024 * 1024);
  }

  @Test
  void memoryStaysBoundedWhenEveryJsonLineHasNewKeys() {
    long rows = 20_000;
    long[] rejected = {0};
    long before = usedHeapAfterGc();
    long accepted = 0;
    long grown;
    ReadCounts counts;
    try (CustomerReader reader =
        CustomerReader.open(
            generated("", rows, i -> "{\"id\": \"A" + i + "\", \"unknown_" + i + "\": " + i + ", \"other_" + i + "\": \"x\"}"),
            "generated.jsonl", CustomerFormat.builder().rejectDuplicateIds(false).build(), r -> rejected[0]++)) {
      while (reader.hasNext()) {
        Customer c = reader.next();
        accepted += c.id().isEmpty() ? 0 : 1;
      }
      grown = usedHeapAfterGc() - before;
      counts = reader.counts();
    }
    assertThat(accepted).isEqualTo(rows);
    assertThat(counts.read()).isEqualTo(rows);
    assertThat(counts.notes()).singleElement().asString().hasSizeLessThan(40_000).contains("unknown_0");
    assertThat(grown).as("heap kept by the reader after %d rows with new keys", rows).isLessThan(16L * 1024 * 1024);
  }

  @Test
  void aRunawayJsonLineIsRejectedWithoutBeingHeldAndReadingGoesOn() {
    long runaway = JsonLinesRowSource.MAX_LINE_LENGTH + 1_000_000L;
    String head = "{\"id\": \"A1\", \"notes\": \"";
    String tail = "\"}\n{\"id\": \"A2\"}\n";
    Reader text = new Reader() {
      private long position;

      @Override
      public int read(char[] buffer, int offset, int length) {
        long total = head.length() + runaway + tail.length();
        if (position >= total) {
          return -1;
        }
        int n = 0;
        while (n < length && position < total) {
          long p = position++;
          buffer[offset + n++] = p < head.length() ? head.charAt((int) p)
              : p < head.length() + runaway ? 'x' : tail.charAt((int) (p - head.length() - runaway));
        }
        return n;
      }

      @Override
      public void close() {}
    };
    List<Rejection> rejections = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    try (CustomerReader reader = CustomerReader.open(text, "runaway.jsonl", CustomerFormat.defaults(), rejections::add)) {
      reader.forEachRemaining(c -> ids.add(c.id()));
      assertThat(reader.counts().read()).isEqualTo(2);
    }

    assertThat(ids).containsExactly("A2");
    assertThat(rejections).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
      assertThat(r.message()).isEqualTo("the line is longer than " + JsonLinesRowSource.MAX_LINE_LENGTH + " characters");
    });
  }

  @Test
  void aCsvValueOverTheLengthLimitStopsTheFileNamingTheLine() {
    String text = TX_HEADER + "C1,2024-01-01,10,1,O1,web\nC2,2024-01-01,10,1,O2,"
        + "x".repeat(org.clientele.core.internal.Json.MAX_INPUT_VALUE_LENGTH + 1) + "\nC3,2024-01-01,10,1,O3,web\n";
    List<String> ids = new ArrayList<>();
    try (TransactionReader reader =
        TransactionReader.open(new java.io.StringReader(text), "long.csv", TransactionFormat.defaults(), RejectionSink.discard())) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.forEachRemaining(t -> ids.add(t.customerId())))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("long.csv line 3: ")
          .hasMessageContaining("String value length");
      assertThat(reader.counts().read()).isEqualTo(1);
    }
    assertThat(ids).containsExactly("C1");
  }
}
