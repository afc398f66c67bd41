package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How files are framed in practice (issue 12, item 4): concatenated exports, duplicate columns,
 * unclosed quotes, encodings from Chinese Excel and "Unicode text", configuration files with a
 * byte order mark; and formatted amounts (item 5). Every bad file keeps read = accepted +
 * rejected.
 */
class InputFramingTest {

  private static final Charset GB18030 = Charset.forName("GB18030");

  private final List<Rejection> rejections = new ArrayList<>();

  private List<Transaction> transactions(byte[] bytes, TransactionFormat format, ReadCounts[] counts) {
    try (TransactionReader r = TransactionReader.open(new ByteArrayInputStream(bytes), "orders.csv", format, rejections::add)) {
      List<Transaction> out = r.stream().toList();
      counts[0] = r.counts();
      return out;
    }
  }

  private List<Customer> customers(byte[] bytes, CustomerFormat format, ReadCounts[] counts) {
    try (CustomerReader r = CustomerReader.open(new ByteArrayInputStream(bytes), "accounts.csv", format, rejections::add)) {
      List<Customer> out = r.stream().toList();
      counts[0] = r.counts();
      return out;
    }
  }

  private static void conserved(ReadCounts c) {
    assertThat(c.read()).isEqualTo(c.accepted() + c.rejected());
  }

  @Test
  void aRepeatedHeaderInTheMiddleOfATransactionLogIsRejectedAsSuch() {
    String text = "customer_id,date,amount\nc1,2024-01-02,10\ncustomer_id,date,amount\nc2,2024-01-03,20\n";
    ReadCounts[] c = new ReadCounts[1];
    List<Transaction> read = transactions(text.getBytes(StandardCharsets.UTF_8), TransactionFormat.defaults(), c);
    assertThat(read).extracting(Transaction::customerId).containsExactly("c1", "c2");
    assertThat(rejections).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.REPEATED_HEADER);
      assertThat(r.line()).isEqualTo(3);
      assertThat(r.fix()).contains("delete the repeated header");
    });
    assertThat(c[0].read()).isEqualTo(3);
    conserved(c[0]);
  }

  @Test
  void aRepeatedHeaderInACustomersFileIsNotACustomerNamedAfterTheHeader() {
    String text = "id,revenue_12m\na,1\n id , revenue_12m \nb,2\n";
    ReadCounts[] c = new ReadCounts[1];
    List<Customer> read = customers(text.getBytes(StandardCharsets.UTF_8), CustomerFormat.defaults(), c);
    assertThat(read).extracting(Customer::id).containsExactly("a", "b");
    assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectionReason.REPEATED_HEADER);
    conserved(c[0]);
  }

  @Test
  void datesWrittenMonthFirstUnderADayFirstPatternAreNamedAsSuchNotJustUnparseable() {
    String text = "customer_id,date,amount\nC1,05/18/2025,120\nC2,03/04/2025,10\nC3,12/30/2025,5\n";
    ReadCounts[] c = new ReadCounts[1];
    List<Transaction> read = transactions(text.getBytes(StandardCharsets.UTF_8),
        TransactionFormat.builder().datePattern("dd/MM/yyyy").build(), c);

    // 03/04 reads either way: it is accepted, and that is exactly the danger the note names.
    assertThat(read).extracting(Transaction::customerId).containsExactly("C2");
    assertThat(rejections).hasSize(2).allSatisfy(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.UNPARSEABLE_DATE);
      assertThat(r.message()).contains("but a date in \"MM/dd/yyyy\"");
      assertThat(r.fix()).contains("set datePattern to \"MM/dd/yyyy\"");
    });
    assertThat(c[0].notes()).anySatisfy(n -> assertThat(n)
        .contains("2 dates parse only as MM/dd/yyyy, not in the configured pattern dd/MM/yyyy")
        .contains("read with day and month swapped"));
    conserved(c[0]);
  }

  @Test
  void columnsTheReaderDoesNotUseAreNamedWithTheNearMisses() {
    String text = "customer_id,date,amount,Stage,ORDER_ID\nC1,2025-01-02,500,Closed Lost,O1\n";
    ReadCounts[] c = new ReadCounts[1];
    transactions(text.getBytes(StandardCharsets.UTF_8), TransactionFormat.defaults(), c);

    assertThat(c[0].notes()).anySatisfy(n -> assertThat(n)
        .contains("orders.csv: columns not read: [Stage, ORDER_ID]")
        .contains("remove rows such as lost or cancelled ones from the export first")
        .contains("did you mean \"ORDER_ID\" as order_id (fields.orderId)"));
  }

  @Test
  void aLogWhoseColumnsAreAllReadHasNoSuchNote() {
    String text = "customer_id,date,amount,quantity,order_id,channel\nC1,2025-01-02,500,1,O1,online\n";
    ReadCounts[] c = new ReadCounts[1];
    transactions(text.getBytes(StandardCharsets.UTF_8), TransactionFormat.defaults(), c);

    assertThat(c[0].notes()).noneSatisfy(n -> assertThat(n).contains("columns not read"));
  }

  @Test
  void aDateThatReadsNeitherWayGetsNoSwapHint() {
    String text = "customer_id,date,amount\nC1,31/31/2025,120\n";
    ReadCounts[] c = new ReadCounts[1];
    transactions(text.getBytes(StandardCharsets.UTF_8), TransactionFormat.builder().datePattern("dd/MM/yyyy").build(), c);

    assertThat(rejections).singleElement().satisfies(r -> assertThat(r.message()).doesNotContain("MM/dd/yyyy"));
    assertThat(c[0].notes()).noneSatisfy(n -> assertThat(n).contains("swapped"));
  }

  @Test
  void aRepeatedHeaderWithItsByteOrderMarkIsNotACustomer() {
    // Two Excel "CSV UTF-8" exports joined with cat: the second header keeps its byte order mark.
    String text = "\uFEFFid,region\na,North\n\uFEFFid,region\nb,South\n";
    ReadCounts[] c = new ReadCounts[1];
    List<Customer> read = customers(text.getBytes(StandardCharsets.UTF_8), CustomerFormat.defaults(), c);
    assertThat(read).extracting(Customer::id).containsExactly("a", "b");
    assertThat(rejections).extracting(Rejection::reason).containsExactly(RejectionReason.REPEATED_HEADER);
    conserved(c[0]);
  }

  @Test
  void aTransactionLogWithTheSameColumnTwiceFailsInsteadOfUsingTheFirst() {
    String text = "customer_id,date,amount,amount\nc1,2024-01-02,10,99\n";
    assertThatThrownBy(() -> transactions(text.getBytes(StandardCharsets.UTF_8), TransactionFormat.defaults(), new ReadCounts[1]))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"amount\" appears twice")
        .hasMessageContaining("orders.csv line 1");
  }

  @Test
  void aCustomersFileWithTheSameColumnTwiceStillFails() {
    String text = "id,revenue_12m,revenue_12m\na,1,2\n";
    assertThatThrownBy(() -> customers(text.getBytes(StandardCharsets.UTF_8), CustomerFormat.defaults(), new ReadCounts[1]))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"revenue_12m\" appears twice");
  }

  @Test
  void aJsonLinesRowWithTheSameKeyTwiceIsRejectedNotReadWithTheLastValue() {
    String text = "{\"customer_id\":\"c1\",\"date\":\"2024-01-02\",\"amount\":10,\"amount\":99}\n"
        + "{\"customer_id\":\"c2\",\"date\":\"2024-01-02\",\"amount\":5}\n";
    ReadCounts[] c = new ReadCounts[1];
    try (TransactionReader r = TransactionReader.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "orders.jsonl",
        TransactionFormat.defaults(), rejections::add)) {
      assertThat(r.stream().toList()).extracting(Transaction::customerId).containsExactly("c2");
      c[0] = r.counts();
    }
    assertThat(rejections).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
      assertThat(r.message()).contains("amount");
    });
    conserved(c[0]);
  }

  @Test
  void anUnclosedQuoteIsReportedOnTheLineWhereItOpens() {
    StringBuilder text = new StringBuilder("customer_id,date,amount\nc1,2024-01-02,10\nc2,\"2024-01-03,20\n");
    for (int i = 0; i < 50; i++) {
      text.append("c").append(i).append(",2024-01-04,5\n");
    }
    assertThatThrownBy(() -> transactions(text.toString().getBytes(StandardCharsets.UTF_8), TransactionFormat.defaults(), new ReadCounts[1]))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("orders.csv line 3: a quote opened on this line is never closed");
  }

  @Test
  void aBrokenQuoteInTheMiddleIsReportedWhereTheParserStopsNotAtALaterQuote() {
    // Line 3 breaks the CSV structure (text after a closing quote); a quote opened further down is
    // not what the message should name.
    String text = "customer_id,date,amount\nc1,2024-01-02,10\nc2,\"2024\"x,20\nc3,\"2024-01-03,5\n";
    assertThatThrownBy(() -> transactions(text.getBytes(StandardCharsets.UTF_8), TransactionFormat.defaults(), new ReadCounts[1]))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("orders.csv line 3:");
  }

  @Test
  void doubledQuotesInsideAQuotedValueDoNotConfuseTheQuoteTracking() {
    String text = "id,region\na,\"North \"\"East\"\"\"\nb,\"open\n";
    assertThatThrownBy(() -> customers(text.getBytes(StandardCharsets.UTF_8), CustomerFormat.defaults(), new ReadCounts[1]))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("accounts.csv line 3: a quote opened");
  }

  @Test
  void aGb18030FileReadAsUtf8SaysItIsNotUtf8AndNamesTheEncodingSetting() {
    byte[] bytes = "客户编号,客户名称\nA1,华东制造\n".getBytes(GB18030);
    CustomerFormat format = CustomerFormat.builder().idColumn("客户编号").build();
    assertThatThrownBy(() -> customers(bytes, format, new ReadCounts[1]))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("this file is not UTF-8")
        .hasMessageContaining("GB18030")
        .hasMessageContaining("set \"encoding\" in input.customers")
        .hasMessageNotContaining("set idColumn");
  }

  @Test
  void aGb18030FileIsReadWhenTheEncodingIsConfigured() throws Exception {
    byte[] bytes = "客户编号,所属行业\nA1,制造业\n".getBytes(GB18030);
    CustomerFormat format = CustomerFormat.fromConfig(config("{\"encoding\":\"GBK\",\"idColumn\":\"客户编号\",\"rename\":{\"所属行业\":\"industry_code\"}}"));
    ReadCounts[] c = new ReadCounts[1];
    List<Customer> read = customers(bytes, format, c);
    assertThat(read).singleElement().satisfies(cu -> {
      assertThat(cu.id()).isEqualTo("A1");
      assertThat(cu.getOrNull(StandardFeatures.INDUSTRY_CODE)).isEqualTo("制造业");
    });
    conserved(c[0]);
  }

  @Test
  void utf16WithAByteOrderMarkIsDetectedWhateverTheConfiguredEncoding() {
    byte[] bytes = "\uFEFFcustomer_id\tdate\tamount\r\nc1\t2024-01-02\t10\r\n".getBytes(StandardCharsets.UTF_16LE);
    ReadCounts[] c = new ReadCounts[1];
    List<Transaction> read = transactions(bytes, TransactionFormat.builder().delimiter("tab").build(), c);
    assertThat(read).singleElement().extracting(Transaction::amount).isEqualTo(10.0);
    conserved(c[0]);
  }

  @Test
  void utf16WithoutAByteOrderMarkIsNamedInTheMessage() {
    byte[] bytes = "customer_id,date,amount\nc1,2024-01-02,10\n".getBytes(StandardCharsets.UTF_16LE);
    assertThatThrownBy(() -> transactions(bytes, TransactionFormat.defaults(), new ReadCounts[1]))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("this file is not UTF-8")
        .hasMessageContaining("UTF-16LE")
        .hasMessageContaining("input.transactions");
  }

  @Test
  void aUtf8ByteOrderMarkIsDroppedEvenWhenGb18030IsConfigured() {
    byte[] text = "id,industry_code\na,制造业\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    ReadCounts[] c = new ReadCounts[1];
    List<Customer> read = customers(bytes, CustomerFormat.builder().encoding(GB18030).build(), c);
    assertThat(read).singleElement().extracting(cu -> cu.getOrNull(StandardFeatures.INDUSTRY_CODE)).isEqualTo("制造业");
  }

  @Test
  void anUnknownEncodingIsAConfigurationErrorNamingTheKey() {
    assertThatThrownBy(() -> CustomerFormat.fromConfig(config("{\"encoding\":\"klingon\"}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("encoding")
        .hasMessageContaining("GB18030");
  }

  @Test
  void aConfigurationSavedWithAUtf8ByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("clientele.json");
    Files.writeString(file, "\uFEFF{\"dimensions\": {\"risk\": {}}, \"input\": {\"customers\": {\"idColumn\": \"Account ID\"}}}", StandardCharsets.UTF_8);
    Model model = Model.read(file);
    assertThat(InputConfig.fromConfig(model.section("input")).customers().idColumn()).isEqualTo("Account ID");
  }

  @Test
  void aJsonStreamWithAUtf8ByteOrderMarkIsRead() {
    byte[] json = "\uFEFF{\"rows\": []}".getBytes(StandardCharsets.UTF_8);
    assertThat(org.clientele.core.internal.Json.readObject(new ByteArrayInputStream(json), "playbook.json")).containsKey("rows");
  }

  @Test
  void formattedAmountsAreRejectedWithTheKeyToSet() {
    String text = "customer_id,date,amount\nc1,2024-01-02,\"¥1,234.50\"\nc2,2024-01-02,\"1,234\"\nc3,2024-01-02,5\n";
    ReadCounts[] c = new ReadCounts[1];
    List<Transaction> read = transactions(text.getBytes(StandardCharsets.UTF_8), TransactionFormat.defaults(), c);
    assertThat(read).hasSize(1);
    assertThat(rejections).hasSize(2);
    assertThat(rejections.get(0).fix()).contains("thousandsSeparator").contains("currencySymbols");
    assertThat(rejections.get(1).fix()).contains("thousandsSeparator").doesNotContain("set thousandsSeparator and currencySymbols");
    conserved(c[0]);
  }

  @Test
  void formattedAmountsAreReadWhenTheConfigurationSaysSo() throws Exception {
    String text = "customer_id,date,amount\nc1,2024-01-02,\"¥1,234.50\"\nc2,2024-01-02,\"$1,234\"\nc3,2024-01-02,-$12\nc4,2024-01-02,\"12,34\"\n";
    TransactionFormat f = TransactionFormat.fromConfig(config("{\"thousandsSeparator\":\",\",\"currencySymbols\":[\"¥\",\"$\"]}"));
    ReadCounts[] c = new ReadCounts[1];
    List<Transaction> read = transactions(text.getBytes(StandardCharsets.UTF_8), f, c);
    assertThat(read).extracting(Transaction::amount).containsExactly(1234.5, 1234.0, -12.0);
    assertThat(rejections).singleElement().satisfies(r -> assertThat(r.value()).isEqualTo("12,34"));
    conserved(c[0]);
  }

  @Test
  void europeanAmountsWithTheEuroSignAfterTheNumberAreRead() throws Exception {
    String text = "customer_id;date;amount\nc1;2024-01-02;1.234,50 €\nc2;2024-01-02;7 €\n";
    TransactionFormat f = TransactionFormat.fromConfig(
        config("{\"delimiter\":\";\",\"decimalSeparator\":\",\",\"thousandsSeparator\":\".\",\"currencySymbols\":[\"€\"]}"));
    ReadCounts[] c = new ReadCounts[1];
    assertThat(transactions(text.getBytes(StandardCharsets.UTF_8), f, c)).extracting(Transaction::amount).containsExactly(1234.5, 7.0);
    conserved(c[0]);
  }

  @Test
  void aThousandsSeparatorEqualToTheDecimalSeparatorIsAConfigurationError() {
    assertThatThrownBy(() -> TransactionFormat.fromConfig(config("{\"thousandsSeparator\":\".\"}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("thousandsSeparator")
        .hasMessageContaining("decimalSeparator");
  }

  @SuppressWarnings("unchecked")
  private static PluginConfig config(String json) throws Exception {
    return PluginConfig.of("customers", "clientele.json", "$.input.customers", new ObjectMapper().readValue(json, Map.class));
  }
}
