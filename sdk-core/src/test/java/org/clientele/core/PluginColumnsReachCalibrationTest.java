package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.job.SegmentationResult;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's worst failure, as a plugin author met it: a {@code needs} plugin declares its own
 * feature in its classes, which load only when its classifier or calibrator first reads it; the
 * customers file has the column; the job mapped the header before the feature existed, so the
 * calibration saw nothing and {@code classify} printed SERVICE for 0 of 2,000 customers instead of
 * 400. Each test uses its own feature holder, so the feature is undeclared when the test starts
 * (checked first: the reproduction holds whatever order the tests run in).
 */
class PluginColumnsReachCalibrationTest {

  private static final String CONFIG = "{\"format\": 1, \"dimensions\": {\"needs\": {}}, \"strategy\": null}";

  @TempDir Path dir;

  // One holder per test: a class's features are declared when it is first used, once per JVM.
  static final class LateA {
    static final Feature<Double> TICKETS = Feature.number("needs_tickets_late_a", "Service tickets (test A)");
  }

  static final class LateB {
    static final Feature<Double> TICKETS = Feature.number("needs_tickets_late_b", "Service tickets (test B)");
  }

  static final class LateC {
    static final Feature<Double> TICKETS = Feature.number("needs_tickets_late_c", "Service tickets (test C)");
  }

  static final class LateD {
    static final Feature<Double> TICKETS = Feature.number("needs_tickets_late_d", "Service tickets (test D)");
  }

  @Test
  void aPluginsOwnColumnIsCalibratedOnThoughItsFeatureIsDeclaredOnlyInItsClassifierClasses() throws IOException {
    assertThat(Feature.lookup("needs_tickets_late_a")).as("precondition: the feature is not declared yet").isEmpty();
    NeedsProvider needs = new NeedsProvider(() -> LateA.TICKETS, false);
    Path customers = customers("needs_tickets_late_a");

    Map<String, Integer> counts = labelCounts(job(customers, needs).build());

    assertThat(counts).containsEntry("SERVICE", 400).containsEntry("PRODUCT", 1_600);
  }

  @Test
  void aProviderThatDeclaresItsFeaturesIsCalibratedInOnePass() throws IOException {
    assertThat(Feature.lookup("needs_tickets_late_b")).as("precondition: the feature is not declared yet").isEmpty();
    NeedsProvider needs = new NeedsProvider(() -> LateB.TICKETS, true);
    Path customers = customers("needs_tickets_late_b");

    Map<String, Integer> counts = labelCounts(job(customers, needs).build());

    assertThat(counts).containsEntry("SERVICE", 400);
    assertThat(needs.observed.get()).as("one calibration pass over 2,000 customers").isEqualTo(2_000);
  }

  @Test
  void aCustomersFileWithoutThePluginsColumnFailsBeforeCalibrationNamingDimensionFeatureFileAndFix() throws IOException {
    NeedsProvider needs = new NeedsProvider(() -> LateC.TICKETS, true);
    Path customers = customers("tickets"); // the author's export calls the column otherwise

    assertThatThrownBy(() -> job(customers, needs).build().run(r -> {}, RejectionSink.discard()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("clientele.json $.dimensions.needs")
        .hasMessageContaining("dimension 'needs' reads [needs_tickets_late_c]")
        .hasMessageContaining("customers.csv")
        .hasMessageContaining("unmapped columns [tickets]")
        .hasMessageContaining("input.customers.rename")
        .hasMessageContaining("input.dimensionWithoutInput");
    assertThat(needs.observed.get()).as("nothing calibrated on nothing").isZero();

    assertThatThrownBy(() -> job(customers, needs).build().calibrate(RejectionSink.discard()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("dimension 'needs' reads [needs_tickets_late_c]");
    assertThat(needs.observed.get()).isZero();
  }

  @Test
  void withoutADeclarationBeforeCalibrationTheMissingColumnStillFailsTheRun() throws IOException {
    NeedsProvider needs = new NeedsProvider(() -> LateD.TICKETS, false);
    Path customers = customers("tickets");

    assertThatThrownBy(() -> job(customers, needs).build().run(r -> {}, RejectionSink.discard()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("dimension 'needs' reads [needs_tickets_late_d]");
  }

  @Test
  void underTheWarnPolicyADimensionWithoutInputIsNamedInTheReportNeverSilent() throws IOException {
    Path customers = customers("tickets");
    NeedsProvider needs = new NeedsProvider(() -> LateC.TICKETS, true);
    String config = "{\"format\": 1, \"dimensions\": {\"needs\": {}, \"threshold\": {}}, \"strategy\": null,"
        + " \"input\": {\"dimensionWithoutInput\": \"warn\"}}";
    Segmentation job = Segmentation.builder().model(Model.fromJson(config, "clientele.json")).customers(customers).threads(1)
        .engine(b -> b.discover(false).register(needs).register(new Fixtures.ThresholdProvider())).build();

    SegmentationResult result = job.run(r -> {}, RejectionSink.discard());

    assertThat(result.dimensionIds()).containsExactly("threshold");
    List<QualityWarning> warnings = result.report().orElseThrow().quality().warnings();
    assertThat(warnings).anySatisfy(w -> {
      assertThat(w.code()).isEqualTo("dimension_left_out");
      assertThat(w.dimension()).isEqualTo("needs");
      assertThat(w.message()).contains("calibrated on nothing", "needs_tickets_late_c");
    });
  }

  @Test
  void calibrateChecksTheStrategyBeforeReadingOneCustomer() {
    NeedsProvider needs = new NeedsProvider(() -> LateC.TICKETS, true) {
      @Override
      public Optional<Dimension> dimension(PluginConfig config) {
        return Optional.of(Dimension.of(config.id(), "PRODUCT", "SERVICE", "SOLUTION", "UNKNOWN"));
      }
    };
    int[] passes = {0};
    Iterable<Customer> customers = () -> {
      passes[0]++;
      return List.<Customer>of().iterator();
    };
    String config = "{\"format\": 1, \"dimensions\": {\"needs\": {}}, \"strategy\": {\"provider\": \"simple\", \"tpyo\": 1}}";
    Segmentation job = Segmentation.builder().model(Model.fromJson(config, "clientele.json")).customers(customers, "host")
        .engine(b -> b.discover(false).register(needs).register(new Fixtures.SimpleStrategyProvider())).build();

    assertThatThrownBy(() -> job.calibrate(RejectionSink.discard()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("clientele.json $.strategy.tpyo: unknown key");
    assertThat(passes[0]).as("no pass over the customers").isZero();
  }

  private Segmentation.Builder job(Path customers, NeedsProvider needs) {
    return Segmentation.builder().model(Model.fromJson(CONFIG, "clientele.json")).customers(customers).threads(2)
        .engine(b -> b.discover(false).register(needs));
  }

  /** 2,000 customers with 0 to 1,999 tickets in a column of this name, shuffled by a fixed stride. */
  private Path customers(String column) throws IOException {
    StringBuilder csv = new StringBuilder("id,revenue_12m,").append(column).append('\n');
    for (int i = 0; i < 2_000; i++) {
      int tickets = (i * 7) % 2_000;
      csv.append('C').append(i).append(',').append(100 + i).append(',').append(tickets).append('\n');
    }
    Path file = dir.resolve("customers.csv");
    Files.writeString(file, csv);
    return file;
  }

  private static Map<String, Integer> labelCounts(Segmentation job) {
    Map<String, Integer> counts = new HashMap<>();
    job.run(c -> counts.merge(c.labels().get("needs"), 1, Integer::sum), RejectionSink.discard());
    return counts;
  }

  /**
   * A needs plugin as its author wrote it: SERVICE for the top fifth by service tickets (a
   * calibrated cut-off), PRODUCT below, UNKNOWN without tickets. The feature lives in another
   * class; with {@code declares}, the provider also says so before calibration.
   */
  static class NeedsProvider implements ClassifierProvider {
    final Supplier<Feature<Double>> tickets;
    final boolean declares;
    final AtomicLong observed = new AtomicLong();

    NeedsProvider(Supplier<Feature<Double>> tickets, boolean declares) {
      this.tickets = tickets;
      this.declares = declares;
    }

    @Override
    public String name() {
      return "needs";
    }

    @Override
    public Set<Feature<?>> features(PluginConfig config) {
      return declares ? Set.of(tickets.get()) : Set.of();
    }

    @Override
    public Optional<Calibrator> calibrator(PluginConfig config) {
      return Optional.of(new TicketCalibrator());
    }

    @Override
    public Classifier create(PluginConfig config) {
      if (!config.has(CALIBRATION_KEY)) {
        throw config.error(CALIBRATION_KEY, "missing: needs calibration");
      }
      double cut = config.section(CALIBRATION_KEY).number("cut", 0);
      return new Needs(Dimension.of(config.id(), "PRODUCT", "SERVICE", "SOLUTION", "UNKNOWN"), tickets.get(), cut);
    }

    final class TicketCalibrator implements Calibrator {
      final List<Double> values = new ArrayList<>();

      @Override
      public void observe(Customer customer) {
        observed.incrementAndGet();
        Double t = customer.getOrNull(tickets.get());
        if (t != null) {
          values.add(t);
        }
      }

      @Override
      public void merge(Calibrator other) {
        values.addAll(((TicketCalibrator) other).values);
      }

      @Override
      public Map<String, Object> result() {
        values.sort(null);
        // No data gives a cut nobody reaches: the author's silent "SERVICE 0 of 2,000".
        return Map.of("cut", values.isEmpty() ? Double.MAX_VALUE : values.get(values.size() * 4 / 5));
      }
    }
  }

  record Needs(Dimension dimension, Feature<Double> tickets, double cut) implements Classifier {
    @Override
    public void classify(Customer customer, LabelSink out) {
      double t = customer.number(tickets, Double.NaN);
      out.accept(Double.isNaN(t) ? 3 : t >= cut ? 1 : 0, t);
    }

    @Override
    public Assignment explain(Customer customer) {
      double t = customer.number(tickets, Double.NaN);
      int label = Double.isNaN(t) ? 3 : t >= cut ? 1 : 0;
      return new Assignment(dimension, label, t, "", List.of(Reason.of(tickets, Double.isNaN(t) ? "missing" : t, ">= " + cut, "tickets against the cut")));
    }

    @Override
    public Set<Feature<?>> features() {
      return Set.of(tickets);
    }
  }
}
