package org.clientele.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A rejected amount with a currency symbol names the symbol seen and the setting that reads it. */
class CurrencyFixTest {

  private static ValueParser parser(List<String> symbols) {
    return new ValueParser('.', "iso", "", symbols);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "$12.50|$", "12.50 USD|USD", "-$3|$", "US$ 7|US$", "R$12|R$", "12 €|€"})
  void theSymbolBesideTheDigitsIsNamed(String text, String symbol) {
    assertThat(ValueParser.symbolSeen(text)).isEqualTo(symbol);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"N/A", "twelve", "1x2", "USD", "12 EUR $"})
  void wordsAndMarksInsideTheDigitsAreNotSymbols(String text) {
    assertThat(ValueParser.symbolSeen(text)).isNull();
  }

  @Test
  void theFixNamesTheSymbolAndTheGrouping() {
    ValueParser.Problem p = (ValueParser.Problem) parser(List.of()).number("$1,234.50", false);
    assertThat(p.message()).contains("the currency symbol \"$\"").contains("thousands separators \",\"");
    assertThat(p.fix()).startsWith("set \"thousandsSeparator\": \",\", \"currencySymbols\": [\"$\"]");
    ValueParser.Problem other = (ValueParser.Problem) parser(List.of("€")).number("$12", false);
    assertThat(other.message()).contains("not among currencySymbols [€]");
    assertThat(other.fix()).contains("\"currencySymbols\": [\"€\", \"$\"]");
  }
}
