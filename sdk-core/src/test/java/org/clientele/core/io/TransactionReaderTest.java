package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TransactionReaderTest {

  private static List<Transaction> read(String text, String source, TransactionFormat format) {
    try (TransactionReader reader = TransactionReader.open(new StringReader(text), source, format, RejectionSink.strict())) {
      return reader.stream().collect(Collectors.toList());
    }
  }

  @Test
  void theDefaultsReadIsoCsvWithOptionalColumnsWhenPresent() {
    List<Transaction> ts = read(
        "order_id,customer_id,date,amount,quantity,channel\nO1,C1,2024-03-31,12.5,2,web\nO2,C2,2024-04-01T10:15:00,-3,,\n",
        "t.csv", TransactionFormat.defaults());
    assertThat(ts).containsExactly(
        new Transaction("C1", LocalDate.of(2024, 3, 31), 12.5, 2.0, "O1", "web"),
        new Transaction("C2", LocalDate.of(2024, 4, 1), -3, null, "O2", null));
    assertThat(ts.get(1).isRefund()).isTrue();
  }

  @Test
  void theCdnowMasterLayoutReadsWithWhitespaceRunsAndCrlf() {
    TransactionFormat format = TransactionFormat.builder()
        .delimiter("whitespace").datePattern("yyyyMMdd")
        .amountColumn("dollar_value").quantityColumn("number_of_cds").build();
    try (TransactionReader reader = TransactionReader.open(TestFiles.input("good/cdnow_master_head.txt"), format, RejectionSink.strict())) {
      List<Transaction> ts = reader.stream().collect(Collectors.toList());
      assertThat(ts).hasSize(5);
      assertThat(ts.get(0)).isEqualTo(new Transaction("00001", LocalDate.of(1997, 1, 1), 11.77, 1.0, null, null));
      assertThat(ts.get(4)).isEqualTo(new Transaction("00003", LocalDate.of(1997, 3, 30), 20.76, 2.0, null, null));
      assertThat(reader.counts().read()).isEqualTo(5);
    }
  }

  @Test
  void whitespaceRunsKeepLineNumbers() {
    TransactionFormat format = TransactionFormat.builder().delimiter("whitespace").header(false)
        .columns(List.of("customer_id", "date", "amount")).build();
    List<Rejection> rejections = new java.util.ArrayList<>();
    String text = "  A \t 2024-01-01   1\r\n\r\n   \r\nB 2024-01-02 x  \r\nC 2024-01-03 3 extra\r\n";
    try (TransactionReader reader = TransactionReader.open(new StringReader(text), "w.txt", format, rejections::add)) {
      assertThat(reader.stream().map(Transaction::customerId)).containsExactly("A");
      assertThat(reader.counts().read()).isEqualTo(3);
    }
    assertThat(rejections).extracting(Rejection::line, Rejection::reason).containsExactly(
        org.assertj.core.groups.Tuple.tuple(4L, RejectionReason.UNPARSEABLE_NUMBER),
        org.assertj.core.groups.Tuple.tuple(5L, RejectionReason.WRONG_COLUMN_COUNT));
  }

  @Test
  void semicolonsCommaDecimalsAndAGermanDatePattern() {
    TransactionFormat format = TransactionFormat.builder().delimiter(";").decimalSeparator(',')
        .datePattern("dd.MM.yyyy").customerIdColumn("kunde").dateColumn("datum").amountColumn("betrag").build();
    try (TransactionReader reader = TransactionReader.open(TestFiles.input("good/semicolon_comma.csv"), format, RejectionSink.strict())) {
      assertThat(reader.stream()).containsExactly(
          Transaction.of("K1", LocalDate.of(2023, 12, 31), 1234.5),
          Transaction.of("K2", LocalDate.of(2024, 1, 1), -10.25));
    }
  }

  @Test
  void aHeaderlessFileWithAnExtraColumnReadsByColumnList() {
    TransactionFormat format = TransactionFormat.builder().delimiter("whitespace").header(false)
        .columns(List.of("master_id", "customer_id", "date", "quantity", "amount")).datePattern("yyyyMMdd").build();
    assertThat(read(" 00004 0001 19970101  2   29.33\r\n", "s.txt", format))
        .containsExactly(new Transaction("0001", LocalDate.of(1997, 1, 1), 29.33, 2.0, null, null));
  }

  @Test
  void columnsReplaceTheHeaderNamesWhenBothAreGiven() {
    TransactionFormat format = TransactionFormat.builder()
        .columns(List.of("customer_id", "date", "amount")).build();
    assertThat(read("Kunde,Datum,Betrag\nC1,2024-01-01,5\n", "t.csv", format))
        .containsExactly(Transaction.of("C1", LocalDate.of(2024, 1, 1), 5));
  }

  @Test
  void jsonNumbersIgnoreTheCommaDecimalSeparator() {
    TransactionFormat format = TransactionFormat.builder().decimalSeparator(',').build();
    assertThat(read("{\"customer_id\":\"C1\",\"date\":\"2024-01-01\",\"amount\":12.5}\n", "t.jsonl", format))
        .containsExactly(Transaction.of("C1", LocalDate.of(2024, 1, 1), 12.5));
  }
}
