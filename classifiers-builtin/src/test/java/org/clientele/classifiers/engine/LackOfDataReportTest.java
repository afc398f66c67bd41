package org.clientele.classifiers.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clientele.api.Customer;
import org.clientele.api.StandardFeatures;
import org.clientele.core.Engine;
import org.clientele.core.report.ReportAccumulator;
import org.clientele.core.report.ReportOptions;
import org.clientele.core.report.SegmentationReport;
import org.junit.jupiter.api.Test;

/**
 * The report with the built-ins: labels given for lack of data are counted per dimension, and
 * values that were there but could not be placed (industry codes such as "N/A") are counted with
 * the most frequent values, in the one {@code unplaced_values} warning.
 */
class LackOfDataReportTest {

  private static final Engine ENGINE = Engine.builder()
      .configuration("{\"dimensions\": {\"industry\": {}, \"loyalty\": {}, \"risk\": {}}}", "lack.json").build();

  private static SegmentationReport report(List<Customer> population) {
    ReportAccumulator acc = ReportAccumulator.create(ENGINE, ReportOptions.defaults());
    population.forEach(c -> acc.add(c, ENGINE.classify(c)));
    return acc.build();
  }

  private static Customer customer(int i, String code) {
    Customer.Builder b = Customer.builder("C" + i).set(StandardFeatures.INDUSTRY_CODE, code);
    if (i % 2 == 0) {
      // Half the customers have every loyalty and credit input; the others have none.
      b.set(StandardFeatures.TENURE_DAYS, 800.0).set(StandardFeatures.REPEAT_PURCHASES, 5.0)
          .set(StandardFeatures.DEFAULT_COUNT, 0.0).set(StandardFeatures.OVERDUE_DAYS, 0.0)
          .set(StandardFeatures.RISK_WARNINGS, 0.0);
    }
    return b.build();
  }

  @Test
  void unreadableIndustryCodesAndLabelsForLackOfDataAreCountedAndNamed() {
    List<Customer> population = new ArrayList<>();
    String[] unreadable = {"N/A", "Manufacturing", "12x", "99"};
    for (int i = 0; i < 40; i++) {
      population.add(customer(i, i < 8 ? unreadable[i % 4] : "C10"));
    }
    population.add(Customer.builder("no-code").build());
    SegmentationReport r = report(population);

    assertThat(r.quality().warnings()).filteredOn(w -> w.code().equals("unplaced_values")).singleElement()
        .satisfies(w -> {
          assertThat(w.dimension()).isEqualTo("industry");
          assertThat(w.message()).startsWith("industry: 8 of 40 customers with industry_code (20.0%) have a value it"
              + " could not place: industry_code '12x' (2), '99' (2), 'Manufacturing' (2), 'N/A' (2).");
        });
    // The customer without a code is UNKNOWN for lack of data too, but not "unreadable".
    assertThat(r.dimension("industry").orElseThrow().segment("UNKNOWN").orElseThrow().lackOfData()).isEqualTo(9);
    assertThat(r.quality().warnings()).filteredOn(w -> w.code().equals("lack_of_data"))
        .extracting(w -> w.dimension() + " " + w.label())
        .containsExactlyInAnyOrder("industry UNKNOWN", "loyalty LOW", "risk UNRATED");
    assertThat(r.quality().warnings()).filteredOn(w -> w.code().equals("lack_of_data") && w.dimension().equals("loyalty"))
        .singleElement().satisfies(w -> assertThat(w.message()).startsWith("loyalty: 21 of 21 customers labelled LOW for lack of data"));
  }

  @Test
  void aFewUnreadableCodesAreANoteNotAWarning() {
    List<Customer> population = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      population.add(customer(i, i == 0 ? "N/A" : "C10"));
    }
    SegmentationReport r = report(population);
    assertThat(r.quality().warnings()).noneMatch(w -> w.code().equals("unplaced_values"));
    assertThat(r.notes()).anySatisfy(n -> assertThat(n).startsWith("industry: 1 of 100 customers with industry_code (1.0%)"
        + " have a value it could not place: industry_code 'N/A' (1)."));
  }

  @Test
  void theCountOfUnplacedValuesMergesAcrossPartitionsExactly() {
    List<Customer> population = new ArrayList<>();
    String[] unreadable = {"N/A", "Manufacturing", "12x", "99", "n.a."};
    for (int i = 0; i < 60; i++) {
      population.add(customer(i, i % 3 == 0 ? unreadable[i % 5] : "C10"));
    }
    ReportAccumulator total = ReportAccumulator.create(ENGINE, ReportOptions.defaults());
    for (int part = 0; part < 3; part++) {
      ReportAccumulator p = ReportAccumulator.create(ENGINE, ReportOptions.defaults());
      for (int i = part; i < population.size(); i += 3) {
        p.add(population.get(i), ENGINE.classify(population.get(i)));
      }
      total.mergeState(p.state());
    }
    SegmentationReport merged = total.build();
    assertThat(merged.toJson()).isEqualTo(report(population).toJson()).contains("unplaced_values");
  }
}
