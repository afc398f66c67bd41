package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.api.StandardFeatures.FIRST_PURCHASE_DATE;
import static org.clientele.api.StandardFeatures.INDUSTRY_CODE;
import static org.clientele.api.StandardFeatures.ORDERS_12M;
import static org.clientele.api.StandardFeatures.REGION;
import static org.clientele.api.StandardFeatures.REVENUE_12M;
import static org.clientele.api.StandardFeatures.SATISFACTION;
import static org.clientele.api.StandardFeatures.SIZE;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.junit.jupiter.api.Test;

class CustomerReaderTest {

  private static List<Customer> readAll(CustomerReader reader) {
    List<Customer> out = new ArrayList<>();
    reader.forEachRemaining(out::add);
    return out;
  }

  @Test
  void aCrmExportIsMappedByRenamingWithoutEditingTheFile() {
    CustomerFormat format =
        CustomerFormat.builder()
            .idColumn("Account ID")
            .rename("Annual Revenue", "revenue_12m")
            .rename("Industry", "industry_code")
            .rename("Employees", "size")
            .build();
    try (CustomerReader reader = CustomerReader.open(TestFiles.input("good/crm_accounts.csv"), format, RejectionSink.strict())) {
      List<Customer> customers = readAll(reader);
      assertThat(customers).extracting(Customer::id).containsExactly("0011", "0012");
      Customer acme = customers.get(0);
      assertThat(acme.number(REVENUE_12M, Double.NaN)).isEqualTo(182_000.50);
      assertThat(acme.getOrNull(INDUSTRY_CODE)).isEqualTo("C10");
      assertThat(acme.number(SIZE, Double.NaN)).isEqualTo(250);
      assertThat(customers.get(1).has(SIZE)).as("an empty value is missing, not zero").isFalse();
      assertThat(reader.unmappedColumns()).containsExactly("Account Name", "Account Owner");
      ReadCounts counts = reader.counts();
      assertThat(counts.read()).isEqualTo(2);
      assertThat(counts.notes()).singleElement().asString()
          .contains("[Account Name, Account Owner]").contains("ignored");
    }
  }

  @Test
  void duplicateIdsRejectTheLaterRowNamingTheFirstLine() {
    List<Rejection> rejections = new ArrayList<>();
    try (CustomerReader reader = CustomerReader.open(TestFiles.input("bad/customers_duplicates.csv"), CustomerFormat.defaults(), rejections::add)) {
      List<Customer> customers = readAll(reader);
      assertThat(customers).extracting(Customer::id).containsExactly("A1", "A2", "A3");
      assertThat(customers.get(0).number(REVENUE_12M, Double.NaN)).isEqualTo(100);
      assertThat(customers.get(2).featureCount()).isZero();
      assertThat(reader.counts().read()).isEqualTo(4);
    }
    assertThat(rejections).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(4);
      assertThat(r.reason()).isEqualTo(RejectionReason.DUPLICATE_ID);
      assertThat(r.value()).isEqualTo("A1");
      assertThat(r.message()).contains("line 2");
    });
  }

  /**
   * Property: with the ids of a transaction log remembered by number, the duplicate check rejects
   * exactly the rows a plain set rejects, naming the same first line, for ids in the log and not.
   */
  @Test
  void duplicatesAreFoundTheSameWhenKnownIdsAreRememberedByNumber() {
    long seed = System.nanoTime();
    java.util.Random random = new java.util.Random(seed);
    List<String> known = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      known.add("K" + i);
    }
    StringBuilder csv = new StringBuilder("id,revenue_12m\n");
    for (int i = 0; i < 400; i++) {
      csv.append(random.nextBoolean() ? "K" + random.nextInt(60) : "U" + random.nextInt(80)).append(",1\n");
    }
    List<Rejection> plain = new ArrayList<>();
    List<Rejection> shared = new ArrayList<>();
    try (CustomerReader reader = CustomerReader.open(new StringReader(csv.toString()), "c.csv", CustomerFormat.defaults(), plain::add)) {
      readAll(reader);
    }
    try (CustomerReader reader = CustomerReader.open(new StringReader(csv.toString()), "c.csv", CustomerFormat.defaults(), shared::add)) {
      reader.rememberKnownIdsByNumber(known::indexOf, known.size());
      readAll(reader);
      assertThatThrownBy(() -> reader.rememberKnownIdsByNumber(known::indexOf, known.size()))
          .isInstanceOf(IllegalStateException.class);
    }
    assertThat(plain).as("seed %d", seed).isNotEmpty();
    assertThat(shared).as("seed %d", seed).extracting(Rejection::line, Rejection::value, Rejection::message)
        .containsExactlyElementsOf(plain.stream()
            .map(r -> org.assertj.core.groups.Tuple.tuple(r.line(), r.value(), r.message())).toList());
  }

  @Test
  void rowsWhoseFactsContradictEachOtherAreRejectedNamingBoth() {
    String csv = "id,first_purchase_date,last_purchase_date,days_since_last_purchase,tenure_days\n"
        + "A,2024-01-10,2024-06-01,30,170\n"
        + "B,2024-06-01,2024-01-10,,\n"
        + "C,,,400,300\n";
    List<Rejection> rejections = new ArrayList<>();
    try (CustomerReader reader = CustomerReader.open(new java.io.StringReader(csv), "crm.csv", CustomerFormat.defaults(), rejections::add)) {
      assertThat(readAll(reader)).extracting(Customer::id).containsExactly("A");
      assertThat(reader.counts().read()).isEqualTo(3);
      assertThat(reader.counts().rejectedByReason()).containsEntry(RejectionReason.CONTRADICTORY_VALUES, 2L);
    }
    assertThat(rejections).extracting(Rejection::line, Rejection::column).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3L, "first_purchase_date"), org.assertj.core.groups.Tuple.tuple(4L, "days_since_last_purchase"));
    assertThat(rejections.get(0).message()).contains("2024-06-01", "after the last purchase (2024-01-10)");
    assertThat(rejections.get(1).message()).contains("400 days ago", "300 days ago");
  }

  @Test
  void duplicatesPassWhenTheCheckIsOff() {
    CustomerFormat format = CustomerFormat.builder().rejectDuplicateIds(false).build();
    try (CustomerReader reader = CustomerReader.open(TestFiles.input("bad/customers_duplicates.csv"), format, RejectionSink.strict())) {
      assertThat(readAll(reader)).extracting(Customer::id).containsExactly("A1", "A2", "A1", "A3");
    }
  }

  @Test
  void badValuesAreRejectionsNotCrashes() {
    List<Rejection> rejections = new ArrayList<>();
    try (CustomerReader reader = CustomerReader.open(TestFiles.input("bad/customers_values.csv"), CustomerFormat.defaults(), rejections::add)) {
      List<Customer> customers = readAll(reader);
      assertThat(customers).extracting(Customer::id).containsExactly("A1", "A8");
      Customer a1 = customers.get(0);
      assertThat(a1.number(ORDERS_12M, Double.NaN)).isEqualTo(4);
      assertThat(a1.number(SATISFACTION, Double.NaN)).isEqualTo(5);
      assertThat(a1.getOrNull(FIRST_PURCHASE_DATE)).isEqualTo(LocalDate.of(2020, 3, 1));
      Customer a8 = customers.get(1);
      assertThat(a8.number(REVENUE_12M, Double.NaN)).as("net revenue may be negative").isEqualTo(-50);
      assertThat(a8.has(INDUSTRY_CODE)).as("a blank text is missing").isFalse();
      assertThat(a8.has(FIRST_PURCHASE_DATE)).isFalse();
      ReadCounts counts = reader.counts();
      assertThat(counts.read()).isEqualTo(8).isEqualTo(counts.accepted() + counts.rejected());
      assertThat(counts.notes()).singleElement().asString().contains("[notes]");
    }
    assertThat(rejections)
        .extracting(Rejection::line, Rejection::column, Rejection::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "revenue_12m", RejectionReason.UNPARSEABLE_NUMBER),
            org.assertj.core.groups.Tuple.tuple(4L, "orders_12m", RejectionReason.OUT_OF_RANGE),
            org.assertj.core.groups.Tuple.tuple(5L, "satisfaction", RejectionReason.OUT_OF_RANGE),
            org.assertj.core.groups.Tuple.tuple(6L, "revenue_12m", RejectionReason.NON_FINITE_NUMBER),
            org.assertj.core.groups.Tuple.tuple(7L, "first_purchase_date", RejectionReason.UNPARSEABLE_DATE),
            org.assertj.core.groups.Tuple.tuple(8L, "id", RejectionReason.MISSING_VALUE));
    assertThat(rejections.get(2).message()).isEqualTo("satisfaction must be from 1 to 5");
  }

  @Test
  void jsonLinesUseKeysAsColumnsAndNullAsMissing() {
    try (CustomerReader reader = CustomerReader.open(TestFiles.input("good/customers.jsonl"), CustomerFormat.defaults(), RejectionSink.strict())) {
      List<Customer> customers = readAll(reader);
      assertThat(customers).extracting(Customer::id).containsExactly("A1", "A2");
      assertThat(customers.get(0).getOrNull(INDUSTRY_CODE)).as("a JSON number read as text").isEqualTo("31");
      assertThat(customers.get(0).getOrNull(REGION)).isEqualTo("north");
      assertThat(customers.get(1).has(REVENUE_12M)).isFalse();
      assertThat(customers.get(1).number(SATISFACTION, Double.NaN)).isEqualTo(4.5);
      assertThat(reader.unmappedColumns()).containsExactly("extra");
    }
  }

  @Test
  void aCommaDecimalSeparatorAppliesToCsvValues() {
    CustomerFormat format = CustomerFormat.builder().delimiter(";").decimalSeparator(',').datePattern("dd.MM.yyyy").build();
    String text = "id;revenue_12m;first_purchase_date\nK1;1234,5;31.12.2023\nK2;1.234,5;01.01.2024\n";
    List<Rejection> rejections = new ArrayList<>();
    try (CustomerReader reader = CustomerReader.open(new StringReader(text), "kunden.csv", format, rejections::add)) {
      List<Customer> customers = readAll(reader);
      assertThat(customers).singleElement().satisfies(c -> {
        assertThat(c.number(REVENUE_12M, Double.NaN)).isEqualTo(1234.5);
        assertThat(c.getOrNull(FIRST_PURCHASE_DATE)).isEqualTo(LocalDate.of(2023, 12, 31));
      });
    }
    assertThat(rejections).singleElement().extracting(Rejection::line, Rejection::reason)
        .containsExactly(3L, RejectionReason.UNPARSEABLE_NUMBER);
  }

  @Test
  void aRenameToAnUnknownFeatureIsAConfigurationError() {
    CustomerFormat format = CustomerFormat.builder().rename("Annual Revenue", "revenu_12m").build();
    assertThatThrownBy(() -> CustomerReader.open(new StringReader("id\n"), "x.csv", format, RejectionSink.discard()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("\"revenu_12m\" is not a known feature");
  }

  @Test
  void aFileWithoutTheIdColumnIsFatal() {
    assertThatThrownBy(() -> CustomerReader.open(new StringReader("customer,revenue_12m\nA,1\n"), "x.csv", CustomerFormat.defaults(), RejectionSink.discard()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no id column \"id\" among [customer, revenue_12m]")
        .hasMessageContaining("idColumn");
  }

  @Test
  void aRepeatedHeaderColumnIsFatal() {
    assertThatThrownBy(() -> CustomerReader.open(new StringReader("id,size,size\nA,1,2\n"), "x.csv", CustomerFormat.defaults(), RejectionSink.discard()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("\"size\" appears twice");
  }
}
