package org.clientele.core.io;

import java.util.Objects;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/**
 * The file formats of a configuration's {@code input} section:
 *
 * <pre>{@code
 * "input": {
 *   "preset":       "salesforce",
 *   "transactions": { "delimiter": "whitespace", "datePattern": "yyyyMMdd", ... },
 *   "customers":    { "idColumn": "Account ID", "rename": { "Annual Revenue": "revenue_12m" } },
 *   "derive":       { "referenceDate": "2024-01-01" }
 * }
 * }</pre>
 *
 * <p>{@code derive} is read by {@code org.clientele.core.features.DerivationOptions#fromConfig}
 * from the same section; this class reads only {@code transactions} and {@code customers}.
 *
 * @param transactions the transaction log's format; the defaults if the section is absent
 * @param customers the customers file's format; the defaults if the section is absent
 * @since 0.1.0
 */
public record InputConfig(TransactionFormat transactions, CustomerFormat customers) {

  /**
   * Validates the parts.
   *
   * @param transactions the transaction log's format; the defaults if the section is absent
   * @param customers the customers file's format; the defaults if the section is absent
   */
  public InputConfig {
    Objects.requireNonNull(transactions, "transactions");
    Objects.requireNonNull(customers, "customers");
  }

  /**
   * Returns the defaults for both files.
   *
   * @return the defaults
   */
  public static InputConfig defaults() {
    return new InputConfig(TransactionFormat.defaults(), CustomerFormat.defaults());
  }

  /**
   * Reads the {@code transactions} and {@code customers} sections of an {@code input} section.
   *
   * @param input the {@code input} section, or null for the defaults
   * @return the formats
   * @throws ConfigurationException naming the file and JSON path of a bad key
   */
  public static InputConfig fromConfig(@Nullable PluginConfig input) {
    return fromConfig(input, null);
  }

  /**
   * Reads the {@code preset}, {@code transactions} and {@code customers} keys of an {@code input}
   * section. The preset ({@code "preset": "fxiaoke"}, see {@link InputPreset}) gives the column
   * defaults of a CRM export; the keys of the two sections win over it.
   *
   * @param input the {@code input} section, or null for the defaults
   * @param preset a preset that replaces the section's {@code preset} key (the command line's
   *     {@code --preset}), or null to use the key
   * @return the formats
   * @throws ConfigurationException naming the file and JSON path of a bad key or an unknown preset
   * @since 0.1.0
   */
  public static InputConfig fromConfig(@Nullable PluginConfig input, @Nullable InputPreset preset) {
    if (input == null) {
      return preset == null
          ? defaults()
          : new InputConfig(preset.transactions().build(), preset.customers().build());
    }
    InputPreset chosen = preset;
    if (input.has("preset")) {
      String name = input.string("preset", "");
      InputPreset named = InputPreset.of(name).orElseThrow(() -> input.error("preset",
          "unknown preset \"" + name + "\"; expected one of " + InputPreset.codes()));
      if (chosen == null) {
        chosen = named;
      }
    }
    return new InputConfig(
        TransactionFormat.fromConfig(input.section("transactions"), chosen),
        CustomerFormat.fromConfig(input.section("customers"), chosen));
  }
}
