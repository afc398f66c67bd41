package com.example.clientele.geography;

import static org.clientele.api.StandardFeatures.REGION;
import static org.clientele.api.StandardFeatures.REGION_TYPE;

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
 * Labels a customer by region, then region type. One decision path serves {@code classify} and
 * {@code explain} ({@link ExplainingClassifier}). Immutable, so safe to share across threads.
 */
final class GeographyClassifier extends ExplainingClassifier {

  private final Map<String, Area> regions;
  private final Map<String, Area> regionTypes;
  private final Area unmapped;

  GeographyClassifier(Dimension dimension, Map<String, Area> regions, Map<String, Area> regionTypes, Area unmapped) {
    super(dimension);
    this.regions = regions;
    this.regionTypes = regionTypes;
    this.unmapped = unmapped;
  }

  @Override
  protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
    String region = customer.getOrNull(REGION);
    Area byRegion = lookup(regions, region);
    if (region != null && byRegion != null) {
      if (why != null) {
        why.add(Reason.of(REGION, region, "regions: " + byRegion, "Region " + region + " is mapped to " + byRegion));
      }
      out.accept(byRegion.ordinal(), Double.NaN);
      return;
    }
    String type = customer.getOrNull(REGION_TYPE);
    if (type == null) {
      if (why != null) {
        why.add(Reason.missing(REGION_TYPE, "No region type known"
            + (region == null ? " and no region" : " and region " + region + " is not mapped") + ": geography is UNKNOWN"));
      }
      out.accept(Area.UNKNOWN.ordinal(), Double.NaN);
      return;
    }
    Area byType = lookup(regionTypes, type);
    if (why != null) {
      why.add(byType != null
          ? Reason.of(REGION_TYPE, type, "regionTypes: " + byType, "Region type " + type.trim() + " is mapped to " + byType)
          : Reason.of(REGION_TYPE, type, "not in regionTypes",
              "Region type " + type.trim() + " is not in the mapping: labelled " + unmapped));
    }
    out.accept((byType != null ? byType : unmapped).ordinal(), Double.NaN);
  }

  @Override
  public Set<Feature<?>> features() {
    return Set.of(REGION, REGION_TYPE);
  }

  /** An exact hit allocates nothing; only values that need trimming or lower-casing are normalised. */
  private static @Nullable Area lookup(Map<String, Area> mapping, @Nullable String value) {
    if (value == null || mapping.isEmpty()) {
      return null;
    }
    Area hit = mapping.get(value);
    return hit != null ? hit : mapping.get(GeographyClassifierProvider.normalise(value));
  }
}
