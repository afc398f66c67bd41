package org.clientele.practice.geography;

import static org.clientele.api.StandardFeatures.REGION;
import static org.clientele.api.StandardFeatures.REGION_TYPE;
import static org.clientele.practice.internal.Text.MISSING;
import static org.clientele.practice.internal.Text.UNPLACED;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.ExplainingClassifier;
import org.jspecify.annotations.Nullable;

/**
 * See {@link GeographyClassifierProvider}. One decision path serves {@code classify} and {@code
 * explain}; immutable, so safe to share across threads.
 */
final class GeographyClassifier extends ExplainingClassifier {

  /** The rule a reason names when a value is not in any mapping: the word users search reasons for. */
  static final String NOT_RECOGNISED = "not recognised";

  private final Map<String, GeographyLabel> types;
  private final Map<String, GeographyLabel> regions;
  private final Set<String> configuredTypes;

  GeographyClassifier(
      Dimension dimension, Map<String, GeographyLabel> types, Map<String, GeographyLabel> regions, Set<String> configuredTypes) {
    super(dimension);
    this.types = types;
    this.regions = regions;
    this.configuredTypes = Set.copyOf(configuredTypes);
  }

  @Override
  protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    String type = customer.getOrNull(REGION_TYPE);
    if (type != null) {
      GeographyLabel byType = lookup(types, type);
      if (byType != null) {
        if (why != null) {
          String key = GeographyClassifierProvider.normalise(type);
          why.add(Reason.of(REGION_TYPE, type, (configuredTypes.contains(key) ? "regionTypes: " : "default mapping: ") + byType,
              "Region type " + quote(type) + " is " + byType + (byType == GeographyLabel.UNKNOWN ? " (" + UNPLACED + ")" : "")));
        }
        accept(out, byType);
        return;
      }
      if (why != null) {
        why.add(Reason.of(REGION_TYPE, type, NOT_RECOGNISED,
            "Region type " + quote(type) + " is not a region type the mapping knows (city, rural, mountain and their usual"
                + " names)" + (regions.isEmpty() ? "" : "; the region decides") + ". Map it under regionTypes, for example {"
                + quote(type.trim()) + ": \"MOUNTAIN\"}"));
      }
    } else if (why != null) {
      why.add(Reason.missing(REGION_TYPE, "No region type" + (regions.isEmpty() ? "" : ": the region decides")));
    }
    String region = customer.getOrNull(REGION);
    GeographyLabel byRegion = lookup(regions, region);
    if (region != null && byRegion != null) {
      if (why != null) {
        why.add(Reason.of(REGION, region, "regions: " + byRegion, "Region " + quote(region) + " is mapped to " + byRegion
            + (byRegion == GeographyLabel.UNKNOWN ? " (" + UNPLACED + ")" : "")));
      }
      accept(out, byRegion);
      return;
    }
    if (why != null) {
      // A value that is there but not recognised (the region type, or a region the mapping lacks) is
      // an unplaced value; only with neither is an input missing.
      boolean unplacedRegion = region != null && !regions.isEmpty();
      String decided = type != null ? "its region type is not recognised; " + UNPLACED
          : unplacedRegion ? "no region type, and the region is not mapped; " + UNPLACED
          : "no region type is known; " + MISSING;
      why.add(region == null
          ? Reason.missing(REGION, "No region either: geography UNKNOWN (" + decided + ")")
          : Reason.of(REGION, region, regions.isEmpty() ? "no regions mapping" : NOT_RECOGNISED,
              "Region " + quote(region) + (regions.isEmpty() ? " cannot decide: no regions mapping is configured"
                  : " is not in the regions mapping") + ": geography UNKNOWN (" + decided + ")"));
    }
    out.acceptFallback(GeographyLabel.UNKNOWN.ordinal(), Double.NaN);
  }

  /** A label a mapping gives; UNKNOWN (a placeholder mapped on purpose, such as "n/a") is never a measurement. */
  private static void accept(LabelSink out, GeographyLabel label) {
    if (label == GeographyLabel.UNKNOWN) {
      out.acceptFallback(label.ordinal(), Double.NaN);
    } else {
      out.accept(label.ordinal(), Double.NaN);
    }
  }

  /** A customer UNKNOWN with a region type has one the mapping does not know, or maps to UNKNOWN. */
  @Override
  public Set<Feature<?>> unplacedInputs() {
    return Set.of(REGION_TYPE);
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(REGION_TYPE, REGION);
  }

  /** An exact hit allocates nothing; only a value that needs normalising is normalised. */
  private static @Nullable GeographyLabel lookup(Map<String, GeographyLabel> mapping, @Nullable String value) {
    if (value == null || mapping.isEmpty()) {
      return null;
    }
    GeographyLabel hit = mapping.get(value);
    return hit != null ? hit : mapping.get(GeographyClassifierProvider.normalise(value));
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }
}
