package com.example.clientele.modulecheck;

import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.clientele.api.Action;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.EngineBuilder;
import org.clientele.core.Model;

/**
 * Builds the engine from a configuration naming every built-in dimension, the geography plugin and
 * the playbook, calibrates it on a seeded population (one dimension past the exact limit, so the
 * DataSketches modules are loaded), classifies every customer and prints the results.
 *
 * <p>The same program runs on the class path and on the module path; {@code ModulePathTest}
 * compares the two outputs. Lines starting with {@code #} describe the run (class path or module
 * path, and on the module path the resolved modules and what they provide) and are expected to
 * differ; every other line must be identical.
 *
 * <p>Run it on the module path from the repository root, after {@code ./mvnw -B verify} (or
 * {@code ./mvnw -B -pl examples/module-path-check -am verify}):
 *
 * <pre>
 * java --module-path "examples/module-path-check/target/classes:$(cat examples/module-path-check/target/runtime-path.txt)" \
 *      -m com.example.clientele.modulecheck/com.example.clientele.modulecheck.ModulePathCheck
 * </pre>
 */
public final class ModulePathCheck {

  /** Customers in the population. */
  static final int POPULATION = 2_000;

  /**
   * Every built-in dimension with its defaults, the activity scheme, a value dimension calibrated
   * by sketch ({@code exactLimit} 0; {@code k} above the population so that the KLL sketch keeps
   * every value and the two runs agree exactly: with compaction KLL is randomised), the plugin's
   * geography, and the default playbook.
   */
  static final String CONFIGURATION =
      """
      {
        "dimensions": {
          "value": {},
          "value_sketch": { "provider": "value", "method": "quantile", "sketch": { "exactLimit": 0, "k": 65535 } },
          "loyalty": {},
          "behaviour": {},
          "activity": { "provider": "behaviour", "scheme": "activity" },
          "rfm": {},
          "risk": {},
          "industry": {},
          "acme-geography": { "regions": { "Tibet": "REMOTE", "Xinjiang": "REMOTE" } }
        },
        "strategy": { "provider": "playbook" },
        "errorPolicy": "fail-fast"
      }
      """;

  private ModulePathCheck() {}

  /**
   * Runs the check and prints its output.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(new PrintStream(System.out, true, StandardCharsets.UTF_8));
  }

  /**
   * Describes the run, then calibrates, classifies and plans the population.
   *
   * @param out where to print
   */
  static void run(PrintStream out) {
    describeRun(out);
    describeMissingProvider(out);
    EngineBuilder builder = Engine.builder().configuration(CONFIGURATION, "module-path-check.json").parallelism(2);
    out.println("classifier providers: " + new TreeSet<>(builder.classifierProviderNames()));
    out.println("diagnostics: " + builder.diagnostics());
    Model model = builder.calibrate(population(20_260_101L, POPULATION));
    for (Model.Section section : model.dimensions()) {
      Object calibration = section.settings().get("calibration");
      if (calibration instanceof Map<?, ?> map) {
        out.println("calibration " + section.id() + ": exact=" + map.get("exact") + " population=" + map.get("population"));
      }
    }
    out.println("model: " + model.toJson().replaceAll("\\s+", " "));
    Engine engine = builder.model(model).build();
    out.println("dimensions: " + engine.dimensions().stream().map(Dimension::id).toList());
    for (Customer customer : population(20_260_101L, POPULATION)) {
      Classification c = engine.classify(customer);
      StringBuilder line = new StringBuilder(c.customerId());
      for (Dimension d : c.dimensions()) {
        line.append(' ').append(d.id()).append('=').append(c.label(d.id())).append('(').append(c.score(d.id())).append(')');
      }
      line.append(" -> ").append(c.plan().actions().stream().map(Action::code).collect(Collectors.joining(",")));
      out.println(line);
    }
    out.println("errors: " + engine.errorCounts());
  }

  /**
   * The hint for a provider that is not found differs by mode (on the module path it names
   * {@code provides}, on the class path {@code META-INF/services}), so it is a {@code #} line.
   */
  private static void describeMissingProvider(PrintStream out) {
    try {
      Engine.builder().configuration("{\"dimensions\": {\"needs\": {}}}", "missing-provider.json").validate();
      out.println("# missing provider: accepted");
    } catch (org.clientele.api.ConfigurationException e) {
      out.println("# missing provider: " + e.getMessage());
    }
  }

  /** Class path or module path; on the module path, the resolved modules and their services. */
  private static void describeRun(PrintStream out) {
    Module self = ModulePathCheck.class.getModule();
    if (!self.isNamed()) {
      out.println("# mode: class path");
      return;
    }
    out.println("# mode: module path, module " + self.getName());
    self.getLayer().modules().stream()
        .map(Module::getDescriptor)
        .filter(d -> !d.name().startsWith("java.") && !d.name().startsWith("jdk."))
        .sorted(Comparator.comparing(ModuleDescriptor::name))
        .forEach(d -> {
          out.println("# module " + d.name() + (d.isAutomatic() ? " (automatic)" : ""));
          d.provides().stream()
              .sorted(Comparator.comparing(ModuleDescriptor.Provides::service))
              .forEach(p -> out.println("# provides " + d.name() + " " + p.service() + " with " + p.providers()));
        });
  }

  /** A seeded population over the standard features the built-ins and the plugin read. */
  static List<Customer> population(long seed, int size) {
    Random r = new Random(seed);
    String[] industries = {"C10", "G47", "K64", "Q86", "P85", "541511", "naics:52", "F", "X99"};
    String[] regions = {"Jiangsu", "Tibet", "Xinjiang", "Yunnan", "Shanghai"};
    String[] regionTypes = {"city", "urban", "town", "rural", "mountain", "island", "unknown-type"};
    LocalDate today = LocalDate.of(2026, 1, 1);
    List<Customer> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      Customer.Builder b = Customer.builder(String.format("C%04d", i));
      if (r.nextInt(20) > 0) { // 5% prospects with no purchases
        double revenue = Math.floor(Math.exp(7 + 2 * r.nextGaussian()));
        double orders = 1 + r.nextInt(30);
        double previous = Math.floor(revenue * (0.5 + r.nextDouble()));
        b.set(StandardFeatures.REVENUE_12M, revenue)
            .set(StandardFeatures.REVENUE_PREV_12M, previous)
            .set(StandardFeatures.REVENUE_TOTAL, revenue + previous)
            .set(StandardFeatures.ORDERS_12M, orders)
            .set(StandardFeatures.AVERAGE_ORDER_VALUE, Math.floor(revenue / orders))
            .set(StandardFeatures.VISITS_12M, (double) r.nextInt(6))
            .set(StandardFeatures.VISITS_3M, (double) r.nextInt(2))
            .set(StandardFeatures.PURCHASE_DAYS, (double) (1 + r.nextInt(40)))
            .set(StandardFeatures.REPEAT_PURCHASES, (double) r.nextInt(39))
            .set(StandardFeatures.DAYS_SINCE_LAST_PURCHASE, (double) r.nextInt(600))
            .set(StandardFeatures.TENURE_DAYS, (double) r.nextInt(3000))
            .set(StandardFeatures.FIRST_PURCHASE_DATE, today.minusDays(r.nextInt(3000)));
      }
      if (r.nextBoolean()) {
        b.set(StandardFeatures.SATISFACTION, (double) (1 + r.nextInt(5)))
            .set(StandardFeatures.COMPLAINTS_12M, (double) r.nextInt(4));
      }
      if (r.nextInt(4) > 0) {
        b.set(StandardFeatures.OVERDUE_DAYS, (double) r.nextInt(120))
            .set(StandardFeatures.DEFAULT_COUNT, (double) r.nextInt(3))
            .set(StandardFeatures.RISK_WARNINGS, (double) r.nextInt(3));
      }
      if (r.nextInt(10) > 0) {
        b.set(StandardFeatures.REGION, regions[r.nextInt(regions.length)])
            .set(StandardFeatures.REGION_TYPE, regionTypes[r.nextInt(regionTypes.length)]);
      }
      b.set(StandardFeatures.INDUSTRY_CODE, industries[r.nextInt(industries.length)]);
      out.add(b.build());
    }
    return out;
  }
}
