package org.clientele.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.clientele.api.Action;
import org.clientele.api.ActionCategory;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;
import org.clientele.core.ClassificationBuffer;
import org.clientele.core.Engine;
import org.clientele.core.report.SegmentationReport.ParetoCurve;
import org.clientele.core.report.SegmentationReport.ParetoPoint;
import org.clientele.core.report.SegmentationReport.PlanLine;
import org.clientele.core.report.SegmentationReport.PlanSummary;
import org.junit.jupiter.api.Test;

/**
 * The plan summary (actions by customers and revenue) and the 101-point Pareto curve, on {@link
 * ReportFixtures#population()} with a small strategy: CORE and IMPORTANT get {@code visit}; CORE
 * also gets {@code vip} and, listed twice, {@code visit} again; HIGH risk gets {@code prepay}.
 */
class PlanSummaryAndCurveTest {

  private static final Action VISIT = action("visit", ActionCategory.SERVICE);
  private static final Action VIP = action("vip", ActionCategory.SERVICE);
  private static final Action PREPAY = action("prepay", ActionCategory.PRICING);

  private static Action action(String code, ActionCategory category) {
    return new Action(code, category, code, 1, "rule-" + code, "because");
  }

  /** The strategy of this test, registered by hand. */
  static final class TestStrategy implements StrategyProvider {
    @Override
    public String name() {
      return "test-plan";
    }

    @Override
    public Strategy create(PluginConfig config, List<Dimension> dimensions) {
      return (customer, segments, out) -> {
        String value = segments.label("value");
        if (value.equals("CORE")) {
          out.add(VIP);
          out.add(VISIT);
          out.add(VISIT);
        } else if (value.equals("IMPORTANT")) {
          out.add(VISIT);
        }
        if (segments.label("risk").equals("HIGH")) {
          out.add(PREPAY);
        }
      };
    }
  }

  private static Engine engine() {
    return Engine.builder()
        .discover(false)
        .register(new ReportFixtures.LabelledProvider())
        .register(new TestStrategy())
        .configuration("{\"dimensions\": {\"value\": " + ReportFixtures.dim("CORE", "IMPORTANT", "POTENTIAL", "LOW")
            + ", \"behaviour\": " + ReportFixtures.dim("ACTIVE", "PASSIVE", "PROSPECT")
            + ", \"risk\": " + ReportFixtures.dim("LOW", "NORMAL", "HIGH", "UNRATED")
            + "}, \"strategy\": {\"provider\": \"test-plan\"}, \"errorPolicy\": \"fallback\"}", "plan-test.json")
        .build();
  }

  private static SegmentationReport report(Engine engine, List<Customer> customers) {
    ReportAccumulator acc = ReportAccumulator.create(engine, ReportOptions.defaults());
    for (Customer c : customers) {
      acc.add(c, engine.classify(c));
    }
    return acc.build();
  }

  @Test
  void planSummaryCountsEachActionsCustomersAndRevenueOncePerCustomer() {
    PlanSummary plan = report(engine(), ReportFixtures.population()).plan();

    // CORE: c01 45,000 + c02 30,000; IMPORTANT: c03 8,000, c04 6,000, c05 4,000, c12 5,000; HIGH: c05.
    assertThat(plan.actions()).extracting(PlanLine::code).containsExactly("visit", "vip", "prepay");
    PlanLine visit = plan.action("visit").orElseThrow();
    assertThat(visit.customers()).as("CORE's duplicate visit counts once").isEqualTo(6);
    assertThat(visit.revenue()).isEqualTo(98_000.0);
    assertThat(visit.customerShare()).isCloseTo(6 / 12.0, within(1e-15));
    assertThat(visit.revenueShare()).isCloseTo(0.98, within(1e-15));
    assertThat(visit.category()).isEqualTo(ActionCategory.SERVICE);
    PlanLine vip = plan.action("vip").orElseThrow();
    assertThat(vip.customers()).isEqualTo(2);
    assertThat(vip.revenue()).isEqualTo(75_000.0);
    PlanLine prepay = plan.action("prepay").orElseThrow();
    assertThat(prepay.customers()).isEqualTo(1);
    assertThat(prepay.revenue()).isEqualTo(4_000.0);
    assertThat(prepay.category()).isEqualTo(ActionCategory.PRICING);
    assertThat(plan.customersWithActions()).isEqualTo(6);
    assertThat(plan.revenueWithActions()).isEqualTo(98_000.0);
  }

  @Test
  void withoutAStrategyThePlanSummaryIsEmpty() {
    Engine engine = ReportFixtures.engine();
    assertThat(report(engine, ReportFixtures.population()).plan()).isEqualTo(PlanSummary.EMPTY);
  }

  @Test
  void planSummaryFromAReusedBufferEqualsFromClassifications() {
    Engine engine = engine();
    ReportAccumulator acc = ReportAccumulator.create(engine, ReportOptions.defaults());
    ClassificationBuffer buffer = engine.newBuffer();
    for (Customer c : ReportFixtures.population()) {
      engine.classify(c, buffer);
      acc.add(c, buffer);
    }
    assertThat(acc.build()).isEqualTo(report(engine, ReportFixtures.population()));
  }

  @Test
  void planSummaryMergesToTheSameBytesInAnyOrder() {
    Engine engine = engine();
    List<Customer> all = new ArrayList<>(ReportFixtures.population());
    String single = report(engine, all).toJson();
    Collections.shuffle(all, new Random(3));
    ReportAccumulator a = ReportAccumulator.create(engine, ReportOptions.defaults());
    ReportAccumulator b = ReportAccumulator.create(engine, ReportOptions.defaults());
    for (int i = 0; i < all.size(); i++) {
      (i % 3 == 0 ? a : b).add(all.get(i), engine.classify(all.get(i)));
    }
    b.merge(a);
    assertThat(b.build().toJson()).isEqualTo(single).contains("\"plan\" : {", "\"code\" : \"visit\"");
  }

  @Test
  void paretoCurveHasOnePointPerPercentAndAgreesWithTheNamedTops() {
    ParetoCurve p = report(ReportFixtures.engine(), ReportFixtures.population()).pareto();

    assertThat(p).isNotNull();
    assertThat(p.curve()).hasSize(ParetoCurve.CURVE_STEPS + 1);
    for (int k = 0; k <= ParetoCurve.CURVE_STEPS; k++) {
      assertThat(p.curve().get(k).customerShare()).isEqualTo(k / 100.0);
    }
    assertThat(p.curve().get(0).revenueShare()).isZero();
    assertThat(p.curve().get(100).revenueShare()).isEqualTo(1.0);
    for (int k = 1; k <= 100; k++) {
      assertThat(p.curve().get(k).revenueShare()).as("rises with k = %d", k)
          .isGreaterThanOrEqualTo(p.curve().get(k - 1).revenueShare());
    }
    for (ParetoPoint top : p.points()) {
      int k = (int) Math.round(top.customerShare() * 100);
      assertThat(p.curve().get(k).revenueShare()).as("top %d%%", k).isCloseTo(top.revenueShare(), within(1e-12));
    }
    // 25% of 12 customers = 3 whole customers: 45,000 + 30,000 + 8,000.
    assertThat(p.curve().get(25).revenueShare()).isCloseTo(0.83, within(1e-12));
  }

  @Test
  void anEmptyPopulationHasAFlatCurve() {
    ParetoCurve p = report(ReportFixtures.engine(), List.of()).pareto();
    assertThat(p).isNotNull();
    assertThat(p.curve()).hasSize(101).allSatisfy(point -> assertThat(point.revenueShare()).isZero());
  }
}
