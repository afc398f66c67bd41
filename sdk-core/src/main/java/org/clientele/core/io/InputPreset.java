package org.clientele.core.io;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Column names of common CRM exports, so that an accounts export and an orders export can be read
 * without writing the mapping by hand: {@code "input": {"preset": "zoho"}} in a configuration, or
 * {@code --preset zoho} on the command line. A preset only changes defaults: every key the
 * configuration sets ({@code idColumn}, {@code rename} entries, {@code fields}, {@code
 * datePattern}, ...) wins over it.
 *
 * <p>Each preset maps the id (the account, on both files, so that the two join), the industry, the
 * company size and the region of an account, and the customer, date and amount of an order. An
 * account's own "annual revenue" is deliberately not mapped to {@code revenue_12m}: it is the
 * customer company's turnover, not what it spent with you, and would give a silently wrong value
 * label. The sources and assumptions behind each name are listed in docs/input.md.
 *
 * @since 0.1.0
 */
public enum InputPreset {
  /**
   * Zoho CRM: the Accounts module and the Sales Orders module exported as CSV (the lookup to the
   * account is exported as the account's name).
   */
  ZOHO(
      "Account Name",
      Map.of("Industry", "industry_code", "Employees", "size", "Billing State", "region"),
      "Account Name", "Created Time", "Grand Total", ValueParser.ISO, "", List.of()),
  /**
   * Salesforce report exports ("Details only", CSV) of an Accounts report and of an Opportunities
   * report filtered to closed-won opportunities; dates as the US locale writes them (M/d/yyyy).
   */
  SALESFORCE(
      "Account Name",
      Map.of("Industry", "industry_code", "Employees", "size", "Billing State/Province", "region"),
      "Account Name", "Close Date", "Amount", "M/d/yyyy", "", List.of()),
  /**
   * Salesforce Data Loader extracts (field API names as headers, ISO dates) of Account ({@code
   * ID}) and Opportunity ({@code ACCOUNTID}, {@code CLOSEDATE}, {@code AMOUNT}).
   */
  SALESFORCE_DATALOADER(
      "ID",
      Map.of("INDUSTRY", "industry_code", "NUMBEROFEMPLOYEES", "size", "BILLINGSTATE", "region"),
      "ACCOUNTID", "CLOSEDATE", "AMOUNT", ValueParser.ISO, "", List.of()),
  /**
   * 纷享销客 (Fxiaoke): the 客户 (account) object and the 销售订单 (sales order) object exported
   * as CSV; amounts may carry {@code ¥} and thousands separators.
   */
  FXIAOKE(
      "客户名称",
      Map.of("所属行业", "industry_code", "人员规模", "size", "省份", "region"),
      "客户名称", "下单日期", "销售订单金额", ValueParser.ISO, ",", List.of("¥", "￥", "CNY", "RMB"));

  private final String accountId;
  private final Map<String, String> accountRename;
  private final String orderCustomer;
  private final String orderDate;
  private final String orderAmount;
  private final String datePattern;
  private final String thousandsSeparator;
  private final List<String> currencySymbols;

  InputPreset(String accountId, Map<String, String> accountRename, String orderCustomer, String orderDate,
      String orderAmount, String datePattern, String thousandsSeparator, List<String> currencySymbols) {
    this.accountId = accountId;
    this.accountRename = accountRename;
    this.orderCustomer = orderCustomer;
    this.orderDate = orderDate;
    this.orderAmount = orderAmount;
    this.datePattern = datePattern;
    this.thousandsSeparator = thousandsSeparator;
    this.currencySymbols = currencySymbols;
  }

  /**
   * Returns the preset's name as written in configurations and on the command line.
   *
   * @return for example {@code salesforce-dataloader}
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Finds a preset by its {@linkplain #code() code}, ignoring case and {@code -}/{@code _}.
   *
   * @param code for example {@code fxiaoke}
   * @return the preset, or empty if there is none of that name
   */
  public static Optional<InputPreset> of(String code) {
    Objects.requireNonNull(code, "code");
    String n = code.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    return Arrays.stream(values()).filter(p -> p.name().equals(n)).findFirst();
  }

  /**
   * Returns every preset's code, for messages and help.
   *
   * @return the codes, in declaration order
   */
  public static List<String> codes() {
    return Arrays.stream(values()).map(InputPreset::code).toList();
  }

  /**
   * Returns a customers format builder holding this preset's accounts defaults.
   *
   * @return a new builder
   */
  public CustomerFormat.Builder customers() {
    return CustomerFormat.builder()
        .idColumn(accountId)
        .rename(accountRename)
        .datePattern(datePattern)
        .thousandsSeparator(thousandsSeparator)
        .currencySymbols(currencySymbols);
  }

  /**
   * Returns a transaction format builder holding this preset's orders defaults.
   *
   * @return a new builder
   */
  public TransactionFormat.Builder transactions() {
    return TransactionFormat.builder()
        .customerIdColumn(orderCustomer)
        .dateColumn(orderDate)
        .amountColumn(orderAmount)
        .datePattern(datePattern)
        .thousandsSeparator(thousandsSeparator)
        .currencySymbols(currencySymbols);
  }

  /** The builder to start from: the preset's, or the plain defaults. */
  static CustomerFormat.Builder customers(@Nullable InputPreset preset) {
    return preset == null ? CustomerFormat.builder() : preset.customers();
  }

  static TransactionFormat.Builder transactions(@Nullable InputPreset preset) {
    return preset == null ? TransactionFormat.builder() : preset.transactions();
  }
}
