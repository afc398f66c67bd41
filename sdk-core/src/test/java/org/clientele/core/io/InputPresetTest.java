package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;

/** CRM export presets (issue 12, item 5): the usual headers read with one key, explicit keys win. */
class InputPresetTest {

  private final List<Rejection> rejections = new ArrayList<>();

  @SuppressWarnings("unchecked")
  private static PluginConfig input(String json) throws Exception {
    return PluginConfig.of("input", "clientele.json", "$.input", new ObjectMapper().readValue(json, Map.class));
  }

  @Test
  void anFxiaokeExportOfAccountsAndOrdersIsReadWithThePresetAlone() throws Exception {
    InputConfig in = InputConfig.fromConfig(input("{\"preset\": \"fxiaoke\"}"));
    String accounts = "客户名称,所属行业,年销售额,负责人,创建时间\n华东精密,制造业,5000000,张三,2023-01-05 10:00\n";
    try (CustomerReader r = CustomerReader.open(new StringReader(accounts), "客户.csv", in.customers(), rejections::add)) {
      Customer c = r.next();
      assertThat(c.id()).isEqualTo("华东精密");
      assertThat(c.getOrNull(StandardFeatures.INDUSTRY_CODE)).isEqualTo("制造业");
      // An account's own annual sales are not what it spent with us: never revenue_12m.
      assertThat(c.getOrNull(StandardFeatures.REVENUE_12M)).isNull();
    }
    String orders = "订单编号,客户名称,下单日期,销售订单金额\nSO1,华东精密,2024-03-01,\"¥1,234.50\"\n";
    try (TransactionReader r = TransactionReader.open(new StringReader(orders), "订单.csv", in.transactions(), rejections::add)) {
      Transaction t = r.next();
      assertThat(t.customerId()).isEqualTo("华东精密");
      assertThat(t.amount()).isEqualTo(1234.5);
    }
    assertThat(rejections).isEmpty();
  }

  @Test
  void salesforceReportAndDataLoaderHeadersAreBothCovered() throws Exception {
    TransactionFormat report = InputConfig.fromConfig(input("{\"preset\": \"salesforce\"}")).transactions();
    String opportunities = "Opportunity Name,Account Name,Close Date,Amount,Stage\nBig deal,Acme,3/31/2024,1200,Closed Won\n";
    try (TransactionReader r = TransactionReader.open(new StringReader(opportunities), "opps.csv", report, rejections::add)) {
      Transaction t = r.next();
      assertThat(t.customerId()).isEqualTo("Acme");
      assertThat(t.date()).hasToString("2024-03-31");
    }
    CustomerFormat loader = InputConfig.fromConfig(input("{\"preset\": \"SALESFORCE_DATALOADER\"}")).customers();
    String accounts = "ID,NAME,INDUSTRY,ANNUALREVENUE,NUMBEROFEMPLOYEES\n001A,Acme,Manufacturing,9000000,120\n";
    try (CustomerReader r = CustomerReader.open(new StringReader(accounts), "Account.csv", loader, rejections::add)) {
      Customer c = r.next();
      assertThat(c.id()).isEqualTo("001A");
      assertThat(c.getOrNull(StandardFeatures.SIZE)).isEqualTo(120.0);
      assertThat(c.getOrNull(StandardFeatures.INDUSTRY_CODE)).isEqualTo("Manufacturing");
    }
  }

  @Test
  void explicitColumnSettingsWinOverThePreset() throws Exception {
    InputConfig in = InputConfig.fromConfig(input(
        "{\"preset\": \"zoho\", \"customers\": {\"idColumn\": \"Record Id\", \"rename\": {\"Industry\": \"region\"}},"
            + " \"transactions\": {\"fields\": {\"date\": \"Due Date\"}}}"));
    assertThat(in.customers().idColumn()).isEqualTo("Record Id");
    assertThat(in.customers().rename()).containsEntry("Industry", "region").containsEntry("Employees", "size");
    assertThat(in.transactions().dateColumn()).isEqualTo("Due Date");
    assertThat(in.transactions().amountColumn()).isEqualTo("Grand Total");
  }

  @Test
  void aPresetGivenByTheHostOverridesTheConfigurationsPreset() throws Exception {
    InputConfig in = InputConfig.fromConfig(input("{\"preset\": \"zoho\"}"), InputPreset.FXIAOKE);
    assertThat(in.customers().idColumn()).isEqualTo("客户名称");
    assertThat(InputConfig.fromConfig(null, InputPreset.SALESFORCE).transactions().amountColumn()).isEqualTo("Amount");
  }

  @Test
  void anUnknownPresetListsTheKnownOnes() {
    assertThatThrownBy(() -> InputConfig.fromConfig(input("{\"preset\": \"hubspot\"}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.input.preset")
        .hasMessageContaining("[zoho, salesforce, salesforce-dataloader, fxiaoke]");
  }
}
