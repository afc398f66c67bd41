package org.clientele.testkit.samples;

import java.util.List;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Dimension;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;

/** A well-behaved strategy: a call for label {@code label} (default HIGH) on dimension {@code dimension}, else an email. */
public class SamplePlaybookProvider implements StrategyProvider {

  static final Action CALL = new Action("call", ActionCategory.CHANNEL, "Call", 10, "high", "High value");
  static final Action EMAIL = new Action("email", ActionCategory.PROMOTION, "Email", 1, "other", "Default");

  @Override
  public String name() {
    return "sample-playbook";
  }

  @Override
  public Strategy create(PluginConfig config, List<Dimension> dimensions) {
    String id = config.string("dimension", dimensions.isEmpty() ? "" : dimensions.get(0).id());
    String label = config.string("label", "HIGH");
    int position = -1;
    for (int i = 0; i < dimensions.size(); i++) {
      if (dimensions.get(i).id().equals(id)) {
        position = i;
      }
    }
    if (position < 0) {
      throw config.error("dimension", "unknown dimension '" + id + "'");
    }
    int p = position;
    int wanted = dimensions.get(p).indexOf(label);
    return (customer, segments, out) -> out.add(segments.labelIndex(p) == wanted ? CALL : EMAIL);
  }
}
