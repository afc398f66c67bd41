package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;

class ConfigTest {

  @SuppressWarnings("unchecked")
  private static PluginConfig input(String json) throws Exception {
    return PluginConfig.of("input", "clientele.json", "$.input", new ObjectMapper().readValue(json, Map.class));
  }

  @Test
  void everyKeyIsReadAndNoneIsLeftUnread() throws Exception {
    PluginConfig config = input("""
        {
          "transactions": {
            "format": "csv", "delimiter": ";", "header": false,
            "columns": ["kunde", "datum", "betrag", "menge", "auftrag", "kanal"],
            "fields": { "customerId": "kunde", "date": "datum", "amount": "betrag",
                        "quantity": "menge", "orderId": "auftrag", "channel": "kanal" },
            "datePattern": "dd.MM.yyyy", "decimalSeparator": ","
          },
          "customers": {
            "format": "jsonl", "delimiter": "tab", "header": true, "idColumn": "Account ID",
            "rename": { "Annual Revenue": "revenue_12m" }, "datePattern": "iso",
            "decimalSeparator": ".", "rejectDuplicateIds": false
          }
        }
        """);
    InputConfig in = InputConfig.fromConfig(config);
    assertThat(config.unreadKeys()).isEmpty();
    assertThat(in.transactions()).isEqualTo(TransactionFormat.builder()
        .format(FileFormat.CSV).delimiter(";").header(false)
        .columns(List.of("kunde", "datum", "betrag", "menge", "auftrag", "kanal"))
        .customerIdColumn("kunde").dateColumn("datum").amountColumn("betrag")
        .quantityColumn("menge").orderIdColumn("auftrag").channelColumn("kanal")
        .datePattern("dd.MM.yyyy").decimalSeparator(',').build());
    assertThat(in.customers()).isEqualTo(CustomerFormat.builder()
        .format(FileFormat.JSONL).delimiter("tab").idColumn("Account ID")
        .rename(Map.of("Annual Revenue", "revenue_12m")).rejectDuplicateIds(false).build());
  }

  @Test
  void anEmptySectionGivesTheDefaults() throws Exception {
    assertThat(InputConfig.fromConfig(input("{}"))).isEqualTo(InputConfig.defaults());
    assertThat(InputConfig.fromConfig(null)).isEqualTo(InputConfig.defaults());
  }

  @Test
  void aTypoIsLeftUnreadForTheEngineToReport() throws Exception {
    PluginConfig config = input("{\"transactions\": {\"delimeter\": \";\"}}");
    InputConfig.fromConfig(config);
    assertThat(config.unreadKeys()).containsExactly("$.input.transactions.delimeter");
  }

  @Test
  void badValuesNameTheFileAndThePath() throws Exception {
    assertThatThrownBy(() -> InputConfig.fromConfig(input("{\"transactions\": {\"delimiter\": \"::\"}}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("clientele.json $.input.transactions.delimiter: delimiter must be one character");
    assertThatThrownBy(() -> InputConfig.fromConfig(input("{\"transactions\": {\"datePattern\": \"yyyyMMddb\"}}")))
        .hasMessageStartingWith("clientele.json $.input.transactions.datePattern:");
    assertThatThrownBy(() -> InputConfig.fromConfig(input("{\"customers\": {\"decimalSeparator\": \";\"}}")))
        .hasMessageStartingWith("clientele.json $.input.customers.decimalSeparator: expected \".\" or \",\"");
    assertThatThrownBy(() -> InputConfig.fromConfig(input("{\"transactions\": {\"format\": \"xml\"}}")))
        .hasMessageContaining("$.input.transactions.format").hasMessageContaining("[auto, csv, jsonl]");
    assertThatThrownBy(() -> InputConfig.fromConfig(input("{\"transactions\": {\"header\": false}}")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("clientele.json $.input.transactions:")
        .hasMessageContaining("set columns");
  }
}
