package com.example.clientele.geography;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/**
 * Provides the {@code acme-geography} classifier: {@code CITY}, {@code RURAL}, {@code REMOTE} or
 * {@code UNKNOWN}, from the customer's {@code region} (looked up first) and {@code region_type}.
 * Named after its (fictional) vendor so that it shares a class path with the {@code geography}
 * dimension of {@code clientele-classifiers-practice}: provider names are unique.
 *
 * <p>Configuration keys (all optional):
 *
 * <ul>
 *   <li>{@code regions}: an object from region name or code to label, checked first; for example
 *       {@code {"Tibet": "REMOTE", "Pudong": "CITY"}}. Default: empty.
 *   <li>{@code regionTypes}: an object from region type to label; replaces the default {@code
 *       {"city": "CITY", "urban": "CITY", "suburban": "CITY", "town": "RURAL", "rural": "RURAL",
 *       "village": "RURAL", "mountain": "REMOTE", "island": "REMOTE", "remote": "REMOTE"}}.
 *   <li>{@code unmapped}: the label for a region type present but not in {@code regionTypes};
 *       default {@code UNKNOWN}.
 * </ul>
 *
 * <p>Keys and customer values are compared trimmed and case-insensitively. A customer with neither
 * a mapped region nor a region type is {@code UNKNOWN}. The score is always {@code NaN}. No
 * calibration.
 */
public final class GeographyClassifierProvider implements ClassifierProvider {

  /** The provider's name, and the default dimension id. */
  public static final String NAME = "acme-geography";

  /** The default mapping from region type to label. */
  public static final Map<String, Area> DEFAULT_REGION_TYPES = defaults();

  /** Creates the provider; ServiceLoader calls this. */
  public GeographyClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    Dimension dimension = Dimension.of(config.id(), Area.class);
    Map<String, Area> regions = mapping(config, "regions", dimension, Map.of());
    Map<String, Area> regionTypes = mapping(config, "regionTypes", dimension, DEFAULT_REGION_TYPES);
    Area unmapped = Area.values()[config.label("unmapped", dimension, "UNKNOWN")];
    return new GeographyClassifier(dimension, regions, regionTypes, unmapped);
  }

  /** Reads an object of labels, normalising its keys; an error names the offending key. */
  private static Map<String, Area> mapping(PluginConfig config, String key, Dimension dimension, Map<String, Area> defaults) {
    if (!config.has(key)) {
      return defaults;
    }
    PluginConfig section = config.section(key);
    Map<String, Area> out = new LinkedHashMap<>();
    for (String name : section.keys()) {
      if (out.put(normalise(name), Area.values()[section.label(name, dimension, "UNKNOWN")]) != null) {
        throw section.error(name, "'" + normalise(name) + "' appears twice (keys are compared trimmed and case-insensitively)");
      }
    }
    return Map.copyOf(out);
  }

  static String normalise(String text) {
    return text.trim().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Area> defaults() {
    Map<String, Area> m = new LinkedHashMap<>();
    m.put("city", Area.CITY);
    m.put("urban", Area.CITY);
    m.put("suburban", Area.CITY);
    m.put("town", Area.RURAL);
    m.put("rural", Area.RURAL);
    m.put("village", Area.RURAL);
    m.put("mountain", Area.REMOTE);
    m.put("island", Area.REMOTE);
    m.put("remote", Area.REMOTE);
    return java.util.Collections.unmodifiableMap(m);
  }
}
