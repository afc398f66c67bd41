package org.clientele.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.clientele.api.Assignment;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.StandardFeatures;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The helpers a plugin author gets from sdk-api: readers, one decision path, typed merge, conclusions. */
class PluginHelpersTest {

  private static final Dimension NEEDS = Dimension.of("needs", "PRODUCT", "SERVICE", "SOLUTION", "UNKNOWN");

  private static PluginConfig config(Map<String, ?> values) {
    return PluginConfig.of("needs", "clientele.json", "$.dimensions.needs", values);
  }

  @Test
  void numberFeatureReadsAKnownFeatureOrDeclaresANewNumber() {
    PluginConfig c = config(Map.of("input", "revenue_12m", "own", "kit_share_of_tickets"));
    assertThat(c.numberFeature("input", StandardFeatures.ORDERS_12M)).isSameAs(StandardFeatures.REVENUE_12M);
    Feature<Double> own = c.numberFeature("own", StandardFeatures.ORDERS_12M);
    assertThat(own.name()).isEqualTo("kit_share_of_tickets");
    assertThat(own.kind()).isEqualTo(Feature.Kind.NUMBER);
    assertThat(c.numberFeature("absent", StandardFeatures.ORDERS_12M)).isSameAs(StandardFeatures.ORDERS_12M);
    assertThat(c.unreadKeys()).isEmpty();
  }

  @Test
  void numberFeatureRefusesATextFeatureNamingTheKey() {
    PluginConfig c = config(Map.of("input", "region"));
    assertThatThrownBy(() -> c.numberFeature("input", StandardFeatures.ORDERS_12M))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("clientele.json $.dimensions.needs.input")
        .hasMessageContaining("feature 'region' holds text values; name a numeric feature");
  }

  @Test
  void labelReadsAnyCaseAndListsTheLabelsWhenWrong() {
    PluginConfig c = config(Map.of("fallback", "solution", "bad", "SERVISE"));
    assertThat(c.label("fallback", NEEDS, "UNKNOWN")).isEqualTo(2);
    assertThat(c.label("absent", NEEDS, "UNKNOWN")).isEqualTo(3);
    assertThatThrownBy(() -> c.label("bad", NEEDS, "UNKNOWN"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("$.dimensions.needs.bad")
        .hasMessageContaining("expected one of [PRODUCT, SERVICE, SOLUTION, UNKNOWN], found \"SERVISE\"");
  }

  @Test
  void breaksMustBeTheRightNumberInAscendingOrder() {
    PluginConfig c = config(Map.of("ok", List.of(1, 2.5, 2.5), "short", List.of(1), "down", List.of(3, 1, 2)));
    assertThat(c.breaks("ok", List.of(), 3)).containsExactly(1, 2.5, 2.5);
    assertThat(c.breaks("absent", List.of(0.2, 0.5), 2)).containsExactly(0.2, 0.5);
    assertThatThrownBy(() -> c.breaks("short", List.of(), 3))
        .hasMessageContaining("$.dimensions.needs.short: expected 3 numbers in ascending order, found 1");
    assertThatThrownBy(() -> c.breaks("down", List.of(), 3))
        .hasMessageContaining("$.dimensions.needs.down: expected numbers in ascending order, found [3.0, 1.0, 2.0]");
  }

  @Test
  void markAllReadLeavesNoUnreadKeyInACalibrationButOtherSectionsStillReportTypos() {
    PluginConfig c = config(Map.of("calibration", Map.of("cutoff", 0.4, "population", 1000), "typo", 1));
    PluginConfig calibration = c.section("calibration").markAllRead();
    assertThat(calibration.number("cutoff", Double.NaN)).isEqualTo(0.4);
    assertThat(c.unreadKeys()).containsExactly("$.dimensions.needs.typo");
  }

  @Test
  void conclusionIsAboutASubjectNotAMissingFeature() {
    Reason withValue = Reason.conclusion("needs_score", 2.0, ">= 2", "Two of three solution signals");
    assertThat(withValue.feature()).isEqualTo("needs_score");
    assertThat(withValue.value()).isEqualTo("2");
    assertThat(withValue.isMissing()).isFalse();
    Reason plain = Reason.conclusion("needs", "Every input known");
    assertThat(plain.value()).isEmpty();
    assertThat(plain.isMissing()).isFalse();
    assertThatThrownBy(() -> Reason.conclusion(" ", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  /** Labels PRODUCT below 10 orders, SERVICE at or above; UNKNOWN without orders. */
  private static final class Orders extends ExplainingClassifier {
    private final int calls;

    Orders(int calls) {
      super(NEEDS);
      this.calls = calls;
    }

    @Override
    protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
      double orders = customer.number(StandardFeatures.ORDERS_12M, Double.NaN);
      if (Double.isNaN(orders)) {
        if (why != null) {
          why.add(Reason.missing(StandardFeatures.ORDERS_12M, "No orders known"));
        }
        for (int i = 0; i < calls; i++) {
          out.accept(3, Double.NaN);
        }
        return;
      }
      if (why != null) {
        why.add(Reason.of(StandardFeatures.ORDERS_12M, orders, ">= 10", "Orders " + orders));
      }
      out.accept(orders >= 10 ? 1 : 0, orders);
    }
  }

  @Test
  void explainingClassifierGivesTheHotPathsLabelWithTheReasons() {
    Orders c = new Orders(1);
    Customer busy = Customer.builder("C1").set(StandardFeatures.ORDERS_12M, 12.0).build();
    int[] label = new int[1];
    c.classify(busy, (l, s) -> label[0] = l);
    Assignment a = c.explain(busy);
    assertThat(a.labelIndex()).isEqualTo(label[0]).isEqualTo(1);
    assertThat(a.score()).isEqualTo(12.0);
    assertThat(a.dimension()).isSameAs(c.dimension());
    assertThat(a.reasons()).extracting(Reason::threshold).containsExactly(">= 10");
  }

  @Test
  void explainingClassifierNamesAnEvaluationThatDoesNotCallTheSinkOnce() {
    Customer none = Customer.builder("C2").build();
    assertThatThrownBy(() -> new Orders(2).explain(none))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Orders.evaluate() called its sink 2 times for customer C2, not exactly once");
    assertThatThrownBy(() -> new Orders(0).explain(none)).hasMessageContaining("0 times");
  }

  /** Counts observations; merges with its own kind without a cast. */
  private static final class Counting implements TypedCalibrator<Counting> {
    long seen;

    @Override
    public void observe(Customer customer) {
      seen++;
    }

    @Override
    public void mergeFrom(Counting other) {
      seen += other.seen;
    }

    @Override
    public Map<String, Object> result() {
      return Map.of("seen", seen);
    }
  }

  @Test
  void typedCalibratorMergesItsOwnKindAndNamesAStranger() {
    Counting a = new Counting();
    Counting b = new Counting();
    a.observe(Customer.builder("x").build());
    b.observe(Customer.builder("y").build());
    Calibrator asTheEngineSeesIt = b;
    a.merge(asTheEngineSeesIt);
    assertThat(a.result()).containsEntry("seen", 2L);
    Calibrator stranger = new Calibrator() {
      @Override
      public void observe(Customer customer) {}

      @Override
      public void merge(Calibrator other) {}

      @Override
      public Map<String, Object> result() {
        return Map.of();
      }
    };
    assertThatThrownBy(() -> a.merge(stranger))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("into a " + Counting.class.getName());
  }

  @Test
  void quantileSketchWithoutAnImplementationSaysWhichArtifactToAdd() {
    // sdk-api's own tests run without classifiers-builtin: the message must name the fix.
    assertThatThrownBy(QuantileSketch::create)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("clientele-classifiers-builtin");
    assertThatThrownBy(() -> QuantileSketch.create(100, 4)).isInstanceOf(IllegalArgumentException.class);
  }
}
