package org.clientele.core.report.html;

import java.util.List;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;

/** A value dimension: CORE above 1,000 of revenue, LOW otherwise. */
final class LabelProvider implements ClassifierProvider {
  @Override
  public String name() {
    return "label";
  }

  @Override
  public Classifier create(PluginConfig config) {
    Dimension d = new Dimension(config.id(), List.of("CORE", "LOW"));
    return new Classifier() {
      @Override
      public Dimension dimension() {
        return d;
      }

      @Override
      public void classify(Customer customer, LabelSink out) {
        out.accept(customer.number(StandardFeatures.REVENUE_12M, 0) > 1000 ? 0 : 1, 1.0);
      }

      @Override
      public Assignment explain(Customer customer) {
        return Assignment.of(d, customer.number(StandardFeatures.REVENUE_12M, 0) > 1000 ? "CORE" : "LOW", 1.0, List.of());
      }
    };
  }
}
