package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.features.PeriodUnit;

/**
 * Fuzzes the customer and transaction readers with arbitrary bytes under a fuzzed layout. Only the
 * documented outcomes are allowed: records, rejections, or an {@link InputException} (the
 * structure is broken beyond one row; strict mode's {@link RowRejectedException}). Whatever
 * happens, the counts add up ({@code read = accepted + rejected}) and every rejection names a line
 * of the input and a reason.
 *
 * <p>The default build replays the corpus in {@code src/test/resources/.../ReaderFuzzTestInputs};
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/guarantees.md for the command).
 */
class ReaderFuzzTest {

  private static final String[] DELIMITERS = {",", ";", "tab", "whitespace", "|"};
  private static final String[] DATE_PATTERNS = {"iso", "yyyyMMdd", "dd.MM.yyyy"};

  /** The layout options, taken from the last bytes of the input (FuzzedDataProvider reads ints from the end). */
  private record Options(FileFormat format, String delimiter, boolean header, char decimal, String datePattern, boolean strict) {
    static Options consume(FuzzedDataProvider data) {
      int bits = data.consumeInt(0, Integer.MAX_VALUE);
      FileFormat format = (bits & 1) == 0 ? FileFormat.CSV : FileFormat.JSONL;
      String delimiter = DELIMITERS[((bits >>> 1) & 7) % DELIMITERS.length];
      boolean header = ((bits >>> 4) & 7) != 0; // mostly with a header
      char decimal = ((bits >>> 7) & 3) == 0 ? ',' : '.';
      String datePattern = DATE_PATTERNS[((bits >>> 9) & 3) % DATE_PATTERNS.length];
      boolean strict = ((bits >>> 11) & 15) == 0;
      return new Options(format, delimiter, header, decimal, datePattern, strict);
    }
  }

  @FuzzTest
  void transactions(FuzzedDataProvider data) {
    Options o = Options.consume(data);
    byte[] bytes = data.consumeRemainingAsBytes();
    TransactionFormat.Builder format =
        TransactionFormat.builder()
            .format(o.format())
            .delimiter(o.delimiter())
            .header(o.header())
            .decimalSeparator(o.decimal())
            .datePattern(o.datePattern());
    if (!o.header()) {
      format.columns(List.of("customer_id", "date", "amount", "quantity", "order_id", "channel"));
    }
    List<Rejection> rejections = new ArrayList<>();
    RejectionSink sink = o.strict() ? RejectionSink.strict() : rejections::add;
    List<Transaction> accepted = new ArrayList<>();
    ReadCounts counts = null;
    try (TransactionReader reader = TransactionReader.open(text(bytes), "fuzz", format.build(), sink)) {
      try {
        reader.forEachRemaining(accepted::add);
      } finally {
        counts = reader.counts();
      }
    } catch (InputException expected) {
      // documented: a missing column, a broken structure, or strict mode's first bad row
    }
    check(bytes, counts, accepted.size(), rejections);
    for (Transaction t : accepted) {
      assertThat(t.customerId()).isNotBlank();
      assertThat(t.date().getYear()).isBetween(1, 9999);
      assertThat(t.amount()).isFinite();
    }
    // What the readers accept, the derivation must digest: standard and lifetimes modes.
    FeatureDeriver standard = FeatureDeriver.asOf(LocalDate.of(2024, 7, 1));
    FeatureDeriver lifetimes = FeatureDeriver.lifetimes(LocalDate.of(2024, 6, 30), PeriodUnit.WEEKS);
    for (Transaction t : accepted) {
      standard.add(t);
      lifetimes.add(t);
    }
    standard.customers().forEachRemaining(ReaderFuzzTest::touch);
    lifetimes.customers().forEachRemaining(ReaderFuzzTest::touch);
  }

  @FuzzTest
  void customers(FuzzedDataProvider data) {
    Options o = Options.consume(data);
    byte[] bytes = data.consumeRemainingAsBytes();
    CustomerFormat.Builder format =
        CustomerFormat.builder()
            .format(o.format())
            .delimiter(o.delimiter())
            .header(o.header())
            .decimalSeparator(o.decimal())
            .datePattern(o.datePattern())
            .rename("Annual Revenue", "revenue_12m");
    if (!o.header()) {
      format.columns(List.of("id", "revenue_12m", "industry_code", "satisfaction", "last_purchase_date"));
    }
    List<Rejection> rejections = new ArrayList<>();
    RejectionSink sink = o.strict() ? RejectionSink.strict() : rejections::add;
    List<Customer> accepted = new ArrayList<>();
    ReadCounts counts = null;
    try (CustomerReader reader = CustomerReader.open(text(bytes), "fuzz", format.build(), sink)) {
      try {
        reader.forEachRemaining(accepted::add);
      } finally {
        counts = reader.counts();
      }
    } catch (InputException expected) {
      // documented: no id column, a repeated column, a broken structure, strict mode
    } catch (ConfigurationException e) {
      throw new AssertionError("the format is valid, so no ConfigurationException may escape", e);
    }
    check(bytes, counts, accepted.size(), rejections);
    for (Customer c : accepted) {
      assertThat(c.id()).isNotBlank();
      touch(c);
    }
  }

  private static Reader text(byte[] bytes) {
    return TextInput.decode(new ByteArrayInputStream(bytes));
  }

  private static void touch(Customer c) {
    assertThat(c.toString()).isNotNull();
  }

  /** Nothing lost: the counts add up, every rejection is counted and names a line of the input. */
  static void check(byte[] bytes, @org.jspecify.annotations.Nullable ReadCounts counts, long acceptedSeen, List<Rejection> rejections) {
    if (counts == null) {
      return; // the reader could not be opened (fatal header problem): nothing was read
    }
    assertThat(counts.read()).isEqualTo(counts.accepted() + counts.rejected());
    assertThat(counts.accepted()).isEqualTo(acceptedSeen);
    long lines = 1;
    for (byte b : bytes) {
      if (b == '\n' || b == '\r') {
        lines++;
      }
    }
    if (!rejections.isEmpty()) {
      assertThat(counts.rejected()).isEqualTo(rejections.size());
    }
    for (Rejection r : rejections) {
      assertThat(r.line()).as("line of %s", r).isBetween(1L, lines);
      assertThat(r.reason()).isNotNull();
      assertThat(r.message()).isNotBlank();
      assertThat(r.fix()).isNotBlank();
    }
  }
}
