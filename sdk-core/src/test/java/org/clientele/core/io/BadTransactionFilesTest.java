package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.core.io.RejectionReason.INVALID_ENCODING;
import static org.clientele.core.io.RejectionReason.MALFORMED_JSON;
import static org.clientele.core.io.RejectionReason.MISSING_VALUE;
import static org.clientele.core.io.RejectionReason.NON_FINITE_NUMBER;
import static org.clientele.core.io.RejectionReason.UNPARSEABLE_DATE;
import static org.clientele.core.io.RejectionReason.UNPARSEABLE_NUMBER;
import static org.clientele.core.io.RejectionReason.WRONG_COLUMN_COUNT;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The corpus of bad transaction files: nothing is lost, and every rejection names line and reason. */
class BadTransactionFilesTest {

  /** One expected rejection. */
  record Expected(long line, String column, RejectionReason reason) {}

  static Expected at(long line, String column, RejectionReason reason) {
    return new Expected(line, column, reason);
  }

  static Stream<Arguments> corpus() {
    return Stream.of(
        cse("wrong column count", "wrong_column_count.csv", 4,
            List.of("C1", "C4"), at(3, "", WRONG_COLUMN_COUNT), at(4, "", WRONG_COLUMN_COUNT)),
        cse("unparseable numbers", "unparseable_numbers.csv", 8,
            List.of("C1", "C8"),
            at(3, "amount", UNPARSEABLE_NUMBER), at(4, "amount", NON_FINITE_NUMBER),
            at(5, "amount", NON_FINITE_NUMBER), at(6, "amount", UNPARSEABLE_NUMBER),
            at(7, "amount", MISSING_VALUE), at(8, "quantity", UNPARSEABLE_NUMBER)),
        cse("unparseable dates and blank id", "unparseable_dates.csv", 6,
            List.of("C1"),
            at(3, "date", UNPARSEABLE_DATE), at(4, "date", UNPARSEABLE_DATE),
            at(5, "date", MISSING_VALUE), at(6, "date", UNPARSEABLE_DATE),
            at(7, "customer_id", MISSING_VALUE)),
        cse("empty file", "empty.csv", 0, List.of()),
        cse("header only", "header_only.csv", 0, List.of()),
        cse("quoted newlines, delimiters and quotes", "quoted_newlines.csv", 4,
            List.of("C1", "C,2", "C4"), at(5, "amount", UNPARSEABLE_NUMBER)),
        cse("byte order mark, CRLF and a blank line", "bom_crlf.csv", 3,
            List.of("C1", "C3"), at(3, "amount", UNPARSEABLE_NUMBER)),
        cse("invalid UTF-8", "invalid_utf8.csv", 3,
            List.of("C1", "C3"), at(3, "channel", INVALID_ENCODING)),
        cse("JSON Lines", "transactions.jsonl", 7,
            List.of("C1", "5"),
            at(2, "amount", UNPARSEABLE_NUMBER), at(3, "", MALFORMED_JSON), at(5, "", MALFORMED_JSON),
            at(6, "amount", MALFORMED_JSON), at(7, "amount", MISSING_VALUE)));
  }

  private static Arguments cse(String name, String file, long read, List<String> acceptedIds, Expected... rejections) {
    return Arguments.of(Named.of(name, file), read, acceptedIds, List.of(rejections));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyRowIsAcceptedOrRejectedWithLineAndReason(
      String file, long read, List<String> acceptedIds, List<Expected> expected) {
    List<Rejection> rejections = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    ReadCounts counts;
    try (TransactionReader reader =
        TransactionReader.open(TestFiles.input("bad/" + file), TransactionFormat.defaults(), rejections::add)) {
      reader.forEachRemaining(t -> ids.add(t.customerId()));
      counts = reader.counts();
    }
    assertThat(counts.read()).isEqualTo(read).isEqualTo(counts.accepted() + counts.rejected());
    assertThat(ids).containsExactlyElementsOf(acceptedIds);
    assertThat(counts.accepted()).isEqualTo(acceptedIds.size());
    assertThat(rejections)
        .extracting(r -> new Expected(r.line(), r.column(), r.reason()))
        .containsExactlyElementsOf(expected);
    assertThat(rejections).allSatisfy(r -> {
      assertThat(r.source()).isEqualTo(file);
      assertThat(r.message()).isNotBlank();
      assertThat(r.fix()).isNotBlank();
      assertThat(r.describe()).contains(file + " line " + r.line()).contains(r.reason().code());
    });
    assertThat(counts.rejectedByReason().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(counts.rejected());
  }

  @Test
  void anEmptyFileIsNotedInTheCounts() {
    try (TransactionReader reader =
        TransactionReader.open(TestFiles.input("bad/empty.csv"), TransactionFormat.defaults(), RejectionSink.strict())) {
      assertThat(reader.hasNext()).isFalse();
      assertThat(reader.counts().notes()).singleElement().asString().contains("empty");
    }
  }

  @Test
  void rejectionsKeepTheOffendingValue() {
    List<Rejection> rejections = new ArrayList<>();
    try (TransactionReader reader =
        TransactionReader.open(TestFiles.input("bad/unparseable_numbers.csv"), TransactionFormat.defaults(), rejections::add)) {
      reader.forEachRemaining(t -> {});
    }
    assertThat(rejections.get(0).value()).isEqualTo("12;50");
    assertThat(rejections.get(0).describe())
        .isEqualTo("unparseable_numbers.csv line 3, column amount, value \"12;50\": not a number"
            + " (decimal separator \".\", no thousands separators) (unparseable_number); fix: write a"
            + " plain number such as 1234.5, or set decimalSeparator in the configuration");
  }

  @Test
  void strictModeStopsAtTheFirstBadRowNamingIt() {
    List<String> ids = new ArrayList<>();
    try (TransactionReader reader =
        TransactionReader.open(TestFiles.input("bad/unparseable_dates.csv"), TransactionFormat.defaults(), RejectionSink.strict())) {
      assertThatThrownBy(() -> reader.forEachRemaining(t -> ids.add(t.customerId())))
          .isInstanceOf(RowRejectedException.class)
          .hasMessageContaining("unparseable_dates.csv line 3")
          .hasMessageContaining("column date")
          .hasMessageContaining("2023-02-29")
          .satisfies(e -> assertThat(((RowRejectedException) e).rejection().line()).isEqualTo(3));
    }
    assertThat(ids).containsExactly("C1");
  }

  @Test
  void anUnclosedQuoteIsFatalAndNamesTheLine() {
    List<String> ids = new ArrayList<>();
    try (TransactionReader reader =
        TransactionReader.open(TestFiles.input("bad/unclosed_quote.csv"), TransactionFormat.defaults(), RejectionSink.discard())) {
      assertThatThrownBy(() -> reader.forEachRemaining(t -> ids.add(t.customerId())))
          .isInstanceOf(InputException.class)
          .isNotInstanceOf(RowRejectedException.class)
          .hasMessageContaining("unclosed_quote.csv line")
          .hasMessageContaining("quote");
    }
    assertThat(ids).containsExactly("C1");
  }

  @Test
  void aMissingRequiredColumnIsFatalAndListsTheColumns() {
    TransactionFormat format = TransactionFormat.builder().amountColumn("sales").build();
    assertThatThrownBy(() -> TransactionReader.open(TestFiles.input("bad/wrong_column_count.csv"), format, RejectionSink.discard()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no column \"sales\" for the amount among [customer_id, date, amount]")
        .hasMessageContaining("fields.amount");
  }

  @Test
  void aMissingFileIsFatal() {
    assertThatThrownBy(() -> TransactionReader.open(java.nio.file.Path.of("no/such/file.csv"), TransactionFormat.defaults(), RejectionSink.discard()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("file.csv")
        .hasMessageContaining("not found");
  }
}
