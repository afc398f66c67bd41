package org.clientele.practice.geography;

import static org.clientele.api.StandardFeatures.REGION;
import static org.clientele.api.StandardFeatures.REGION_TYPE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.clientele.api.Classifier;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/**
 * The {@code geography} classifier: {@code CITY}, {@code RURAL} or {@code MOUNTAIN}, the practice's
 * region types (城市 / 农村 / 山区), or {@code UNKNOWN}.
 *
 * <p>The customer's {@code region_type} decides, through a mapping from the raw values exports
 * carry ({@code "urban"}, {@code "countryside"}, {@code 山区}, ...) to labels. Where the region
 * type is missing, or is a value the mapping does not cover, a {@code regions} mapping (region name
 * or code to label) decides if it covers the customer's {@code region}. Otherwise the label is
 * {@code UNKNOWN}, with a reason that names the value it could not place and the key that would
 * place it: an unrecognised value is never put in a label by guess.
 *
 * <p>Configuration keys (all optional):
 *
 * <ul>
 *   <li>{@code regionTypes}: raw region type to label, added to the defaults (a key the defaults
 *       have replaces theirs), for example {@code {"县城": "RURAL", "island": "MOUNTAIN"}};
 *   <li>{@code defaultRegionTypes}: {@code false} to use {@code regionTypes} alone; default {@code
 *       true} ({@link #DEFAULT_REGION_TYPES});
 *   <li>{@code regions}: region to label, used where the region type is missing or not recognised,
 *       for example {@code {"Tibet": "MOUNTAIN", "Shanghai": "CITY"}}; default empty.
 * </ul>
 *
 * <p>Keys and customer values are compared trimmed, case-insensitively, and with runs of spaces,
 * {@code -} and {@code _} read as one space ({@code "Mountain_Area"} is {@code "mountain area"}).
 * Two keys that are equal so compared are an error naming the second. A mapping may name {@code
 * UNKNOWN}, for a placeholder an export writes ({@code "n/a": "UNKNOWN"}). The score is always NaN.
 * No calibration; not part of the default configuration (a configuration names it).
 *
 * @since 0.1.0
 */
public final class GeographyClassifierProvider implements ClassifierProvider {

  /** The provider's name and default dimension id. */
  public static final String NAME = "geography";

  /**
   * The default mapping from raw region type (normalised: trimmed, lower case) to label: English
   * and Chinese names of city, rural and mountain areas. {@code town} and {@code 乡镇} are RURAL
   * (a small town is reached like the countryside around it); {@code 城镇} (the statistical term
   * for urban areas) is CITY.
   */
  public static final Map<String, GeographyLabel> DEFAULT_REGION_TYPES = defaults();

  private static final Pattern SEPARATORS = Pattern.compile("[\\s_-]+");

  /** Creates the provider; does nothing else. */
  public GeographyClassifierProvider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Classifier create(PluginConfig config) {
    Dimension dimension = Dimension.of(config.id(), GeographyLabel.class);
    Map<String, GeographyLabel> types = new LinkedHashMap<>();
    if (config.flag("defaultRegionTypes", true)) {
      types.putAll(DEFAULT_REGION_TYPES);
    }
    Map<String, GeographyLabel> configured = mapping(config, "regionTypes", dimension);
    types.putAll(configured);
    if (types.isEmpty()) {
      throw config.error("regionTypes", "no region type is mapped: with \"defaultRegionTypes\": false, give at least one,"
          + " for example {\"city\": \"CITY\", \"rural\": \"RURAL\", \"mountain\": \"MOUNTAIN\"}");
    }
    Map<String, GeographyLabel> regions = mapping(config, "regions", dimension);
    return new GeographyClassifier(dimension, Map.copyOf(types), regions, configured.keySet());
  }

  @Override
  public Optional<Dimension> dimension(PluginConfig config) {
    return Optional.of(create(config).dimension());
  }

  @Override
  public Set<Feature<?>> features(PluginConfig config) {
    return Set.of(REGION_TYPE, REGION);
  }

  /** Opt-in: a default run on an export without region columns stays as it was. */
  @Override
  public boolean inDefaultConfiguration() {
    return false;
  }

  /** Reads an object of labels with normalised keys; an error names the offending key. */
  private static Map<String, GeographyLabel> mapping(PluginConfig config, String key, Dimension dimension) {
    if (!config.has(key)) {
      return Map.of();
    }
    PluginConfig section = config.section(key);
    Map<String, GeographyLabel> out = new LinkedHashMap<>();
    for (String name : section.keys()) {
      String normalised = normalise(name);
      if (normalised.isEmpty()) {
        throw section.error(name, "a blank key cannot match a value; a missing value is UNKNOWN already");
      }
      GeographyLabel label = GeographyLabel.values()[section.label(name, dimension, "UNKNOWN")];
      if (out.put(normalised, label) != null) {
        throw section.error(name, "'" + normalised + "' appears twice (keys are compared trimmed, case-insensitively,"
            + " with spaces, - and _ alike)");
      }
    }
    return Map.copyOf(out);
  }

  /** Trimmed, lower case, runs of spaces, {@code -} and {@code _} as one space. */
  static String normalise(String text) {
    return SEPARATORS.matcher(text.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
  }

  private static Map<String, GeographyLabel> defaults() {
    Map<String, GeographyLabel> m = new LinkedHashMap<>();
    for (String city : new String[] {"city", "urban", "metropolitan", "metro", "suburban", "suburb", "城市", "城区", "市区", "城镇"}) {
      m.put(city, GeographyLabel.CITY);
    }
    for (String rural : new String[] {"rural", "countryside", "village", "town", "township", "农村", "乡村", "乡镇", "村"}) {
      m.put(rural, GeographyLabel.RURAL);
    }
    for (String mountain : new String[] {"mountain", "mountains", "mountainous", "highland", "highlands", "山区", "山地"}) {
      m.put(mountain, GeographyLabel.MOUNTAIN);
    }
    return Collections.unmodifiableMap(m);
  }
}
