package org.clientele.core.report;

import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.Engine;
import org.jspecify.annotations.Nullable;

/** A test provider that reads each customer's label from a feature, and a hand-computable population. */
final class ReportFixtures {

  private ReportFixtures() {}

  static final Feature<String> VALUE = label("value");
  static final Feature<String> BEHAVIOUR = label("behaviour");
  static final Feature<String> RISK = label("risk");

  static final Feature<Double> REVENUE = StandardFeatures.REVENUE_12M;
  static final Feature<Double> ORDERS = StandardFeatures.ORDERS_12M;
  static final Feature<Double> VISITS = StandardFeatures.VISITS_12M;
  static final Feature<Double> DAYS = StandardFeatures.DAYS_SINCE_LAST_PURCHASE;
  static final Feature<Double> TENURE = StandardFeatures.TENURE_DAYS;

  static Feature<String> label(String dimensionId) {
    return Feature.text("label_" + dimensionId, "Test: the label on dimension " + dimensionId);
  }

  /**
   * "labelled": the label is the customer's {@code label_<id>} feature; a customer without it makes
   * the classifier throw, which the engine reports as UNCLASSIFIED.
   */
  static final class LabelledProvider implements ClassifierProvider {
    @Override
    public String name() {
      return "labelled";
    }

    @Override
    public Classifier create(PluginConfig config) {
      Dimension d = new Dimension(config.id(), config.strings("labels", List.of()));
      Feature<String> feature = label(config.id());
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return d;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          String label = customer.getOrNull(feature);
          if (label == null) {
            throw new IllegalStateException("no " + feature.name());
          }
          out.accept(d.indexOf(label), 1.0);
        }

        @Override
        public Assignment explain(Customer customer) {
          return Assignment.of(d, customer.get(feature).orElseThrow(), 1.0, List.of());
        }
      };
    }
  }

  /** value (4 labels), behaviour (activity scheme), risk; no strategy; fallback on errors. */
  static Engine engine() {
    return engine("\"value\": " + dim("CORE", "IMPORTANT", "POTENTIAL", "LOW") + ", \"behaviour\": "
        + dim("ACTIVE", "PASSIVE", "PROSPECT") + ", \"risk\": " + dim("LOW", "NORMAL", "HIGH", "UNRATED"));
  }

  static Engine engine(String dimensions) {
    return Engine.builder()
        .discover(false)
        .register(new LabelledProvider())
        .configuration("{\"dimensions\": {" + dimensions + "}, \"strategy\": null, \"errorPolicy\": \"fallback\"}", "report-test.json")
        .build();
  }

  static String dim(String... labels) {
    return "{\"provider\": \"labelled\", \"labels\": [\"" + String.join("\", \"", labels) + "\"]}";
  }

  /**
   * Twelve customers whose report is worked out by hand in {@link SegmentationReportTest}. Total
   * revenue 100,000; c10 has no revenue; c12 has no risk label (UNCLASSIFIED on risk).
   */
  static List<Customer> population() {
    List<Customer> out = new ArrayList<>();
    //        id     value        behaviour   risk       revenue  orders visits days  tenure
    out.add(c("c01", "CORE", "ACTIVE", "LOW", 45_000.0, 20.0, 12.0, 5.0, 1000.0));
    out.add(c("c02", "CORE", "ACTIVE", "NORMAL", 30_000.0, 10.0, 8.0, 15.0, 800.0));
    out.add(c("c03", "IMPORTANT", "ACTIVE", "LOW", 8_000.0, 6.0, 5.0, 30.0, 600.0));
    out.add(c("c04", "IMPORTANT", "PASSIVE", "LOW", 6_000.0, 4.0, 3.0, 60.0, 400.0));
    out.add(c("c05", "IMPORTANT", "PASSIVE", "HIGH", 4_000.0, 2.0, 2.0, 120.0, null));
    out.add(c("c06", "POTENTIAL", "ACTIVE", "NORMAL", 1_000.0, 3.0, 3.0, 10.0, 30.0));
    out.add(c("c07", "POTENTIAL", "PASSIVE", "LOW", 500.0, 1.0, 1.0, 200.0, 200.0));
    out.add(c("c08", "LOW", "PASSIVE", "LOW", 300.0, 1.0, 1.0, 300.0, 900.0));
    out.add(c("c09", "LOW", "PASSIVE", "UNRATED", 200.0, 1.0, null, 330.0, 700.0));
    out.add(c("c10", "LOW", "PROSPECT", "UNRATED", null, null, null, null, null));
    out.add(c("c11", "LOW", "PROSPECT", "LOW", 0.0, 0.0, 0.0, null, null));
    out.add(c("c12", "IMPORTANT", "ACTIVE", null, 5_000.0, 5.0, 4.0, 20.0, 500.0));
    return List.copyOf(out);
  }

  static Customer c(String id, String value, String behaviour, @Nullable String risk, @Nullable Double revenue,
      @Nullable Double orders, @Nullable Double visits, @Nullable Double days, @Nullable Double tenure) {
    return Customer.builder(id)
        .set(VALUE, value)
        .set(BEHAVIOUR, behaviour)
        .setOrRemove(RISK, risk)
        .setOrRemove(REVENUE, revenue)
        .setOrRemove(ORDERS, orders)
        .setOrRemove(VISITS, visits)
        .setOrRemove(DAYS, days)
        .setOrRemove(TENURE, tenure)
        .build();
  }
}
