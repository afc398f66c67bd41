package com.example.clientele.host;

import java.util.List;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Dimension;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;

/**
 * The host's own strategy, registered by hand: how the field sales team reaches a customer,
 * from the label on the {@code dimension} key's dimension (default {@code acme-geography}). Labels and
 * positions are resolved once, in {@link #create}; actions are built once.
 */
public final class FieldSalesStrategyProvider implements StrategyProvider {

  static final Action VISIT = new Action("in-person-visit", ActionCategory.CHANNEL,
      "Visit in person with the regional account manager", 50, "field-sales.city", "City customers are cheap to visit");
  static final Action ROUND = new Action("scheduled-visit-round", ActionCategory.FOLLOW_UP,
      "Add to the monthly visit round of the area", 40, "field-sales.rural", "Rural visits are grouped to save travel");
  static final Action VIDEO = new Action("video-call", ActionCategory.CHANNEL,
      "Meet by video call; ship samples", 30, "field-sales.remote", "Remote customers are served at a distance");

  /** Creates the provider. */
  public FieldSalesStrategyProvider() {}

  @Override
  public String name() {
    return "field-sales";
  }

  @Override
  public Strategy create(PluginConfig config, List<Dimension> dimensions) {
    String id = config.string("dimension", "acme-geography");
    int position = -1;
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).id().equals(id)) {
        position = i;
      }
    }
    if (position < 0) {
      throw config.error("dimension", "no dimension '" + id + "' is configured; add it under \"dimensions\"");
    }
    Dimension d = dimensions.get(position);
    int p = position;
    int city = d.indexOf("CITY");
    int rural = d.indexOf("RURAL");
    int remote = d.indexOf("REMOTE");
    return (customer, segments, out) -> {
      int label = segments.labelIndex(p);
      if (label < 0) {
        return; // UNCLASSIFIED: nothing to decide
      }
      if (label == city) {
        out.add(VISIT);
      } else if (label == rural) {
        out.add(ROUND);
      } else if (label == remote) {
        out.add(VIDEO);
      }
    };
  }
}
