package org.clientele.core.io;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.spi.PluginConfig;
import org.jspecify.annotations.Nullable;

/** Reads the keys the two input formats share, with errors that name the key's JSON path. */
final class ConfigReading {

  private ConfigReading() {}

  static String delimiter(PluginConfig config, String defaultValue) {
    String delimiter = config.string("delimiter", defaultValue);
    try {
      return Layout.checkDelimiter(delimiter);
    } catch (IllegalArgumentException e) {
      throw config.error("delimiter", Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  static List<String> columnNames(PluginConfig config) {
    List<String> columns = config.strings("columns", List.of());
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).isBlank()) {
        throw config.error("columns[" + i + "]", "column names must not be blank");
      }
    }
    return columns;
  }

  static String columnName(PluginConfig config, String key, String defaultValue) {
    String name = config.string(key, defaultValue);
    if (name.isBlank()) {
      throw config.error(key, "expected a column name, found a blank string");
    }
    return name;
  }

  static @Nullable String optionalColumnName(PluginConfig config, String key) {
    return config.has(key) ? columnName(config, key, "") : null;
  }

  static String datePattern(PluginConfig config, String defaultValue) {
    String pattern = config.string("datePattern", defaultValue);
    try {
      ValueParser.formatter(pattern);
    } catch (IllegalArgumentException e) {
      throw config.error("datePattern", Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
    return pattern;
  }

  static char decimalSeparator(PluginConfig config, char defaultValue) {
    String separator = config.string("decimalSeparator", String.valueOf(defaultValue));
    if (!separator.equals(".") && !separator.equals(",")) {
      throw config.error("decimalSeparator", "expected \".\" or \",\", found \"" + separator + "\"");
    }
    return separator.charAt(0);
  }

  static Charset encoding(PluginConfig config, Charset defaultValue) {
    if (!config.has("encoding")) {
      return defaultValue;
    }
    String name = config.string("encoding", defaultValue.name());
    try {
      return TextInput.charset(name);
    } catch (IllegalArgumentException e) {
      throw config.error("encoding", Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }
  }

  static String thousandsSeparator(PluginConfig config, String defaultValue, char decimalSeparator) {
    String separator = config.string("thousandsSeparator", defaultValue);
    String problem = ValueParser.checkThousands(separator, decimalSeparator);
    if (problem != null) {
      throw config.error("thousandsSeparator", problem);
    }
    return separator;
  }

  static List<String> currencySymbols(PluginConfig config, List<String> defaultValue) {
    List<String> symbols = config.strings("currencySymbols", defaultValue);
    for (int i = 0; i < symbols.size(); i++) {
      String problem = ValueParser.checkCurrencySymbol(symbols.get(i));
      if (problem != null) {
        throw config.error("currencySymbols[" + i + "]", problem);
      }
    }
    return symbols;
  }

  /** Builds, turning a remaining inconsistency into an error on the section. */
  static <T> T build(PluginConfig config, Supplier<T> builder) {
    try {
      return builder.get();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(config.source() + " " + config.path(), Objects.requireNonNullElse(e.getMessage(), e.toString()), e);
    }
  }
}
