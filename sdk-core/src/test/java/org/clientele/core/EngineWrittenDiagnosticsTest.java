package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import java.util.List;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.clientele.core.job.SegmentationResult;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a classifier that breaks its contract was reported as "message withheld", hiding the
 * engine's own sentence, which holds no customer data. The engine's words are shown; a plugin's
 * own exception text (which may hold an id or a value) stays withheld.
 */
class EngineWrittenDiagnosticsTest {

  private static final Customer C = Customer.builder("C-SECRET-1").build();

  @Test
  void aLabelOutsideTheDimensionIsReportedInTheEnginesWords() {
    Engine engine = engine(new Provider(false), "fail-fast");

    assertThatThrownBy(() -> engine.classify(C))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("classify() gave label index 3, outside dimension 'badlabel' (0 to 2)")
        .hasMessageNotContaining("message withheld")
        .hasMessageNotContaining("C-SECRET-1");
  }

  @Test
  void aPluginsOwnMessageStaysWithheld() {
    Engine engine = engine(new Provider(true), "fail-fast");

    assertThatThrownBy(() -> engine.classify(C))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("java.lang.IllegalArgumentException (message withheld")
        .hasMessageNotContaining("C-SECRET-1");
  }

  @Test
  void underFallbackTheExplanationSaysWhatBrokeTheContract() {
    Engine engine = engine(new Provider(false), "fallback");

    Assignment a = engine.explain(C).assignments().get(0);

    assertThat(a.labelIndex()).isEqualTo(-1);
    assertThat(a.reasons().get(0).text()).contains(
        "explain() returned label 3 of 'badlabel' [A, B, C, D], not a label of dimension 'badlabel' [A, B, C]");
    assertThat(engine.classify(C).labels()).containsEntry("badlabel", Dimension.UNCLASSIFIED);
    assertThat(engine.errorCounts()).containsEntry("badlabel", 2L);
  }

  @Test
  void aRunWhoseClassifierFailsForEveryoneSaysSoInTheReportsWarnings() {
    Segmentation job = Segmentation.builder()
        .model(Model.fromJson("{\"dimensions\": {\"badlabel\": {\"provider\": \"bad\"}}, \"strategy\": null}", "cfg.json"))
        .customers(List.of(C, Customer.builder("C-2").build()), "host")
        .engine(b -> b.discover(false).register(new Provider(false)))
        .build();

    SegmentationResult result = job.run(r -> {}, RejectionSink.discard());

    assertThat(result.report().orElseThrow().quality().warnings()).anySatisfy(w -> {
      assertThat(w.code()).isEqualTo("classifier_errors");
      assertThat(w.dimension()).isEqualTo("badlabel");
      assertThat(w.message()).isEqualTo("badlabel: failed for 2 of 2 customers, whose label is UNCLASSIFIED;"
          + " the first failure is logged at WARN with its cause");
    });
  }

  @Test
  void theStrategysWarningsAreWarningsOfTheReportNotOnlyOfTheLog() {
    Segmentation job = Segmentation.builder()
        .model(Model.fromJson("{\"dimensions\": {\"threshold\": {}}, \"strategy\": {\"provider\": \"explaining\"}}", "cfg.json"))
        .customers(List.of(C, Customer.builder("C-2").build()), "host")
        .engine(b -> b.register(new StrategyExplanationTest.ExplainingProvider()))
        .build();

    SegmentationResult result = job.run(r -> {}, RejectionSink.discard());

    assertThat(result.report().orElseThrow().quality().warnings())
        .contains(new QualityWarning("strategy", "", "", StrategyExplanationTest.ExplainingProvider.GAP));
  }

  private static Engine engine(ClassifierProvider p, String policy) {
    return Engine.builder().discover(false).register(p)
        .configuration("{\"dimensions\": {\"badlabel\": {\"provider\": \"bad\"}}, \"strategy\": null, \"errorPolicy\": \""
            + policy + "\"}", "cfg.json")
        .build();
  }

  /** Gives label 3 of a three-label dimension, or throws with the customer's id in its message. */
  record Provider(boolean throwsWithData) implements ClassifierProvider {
    @Override
    public String name() {
      return "bad";
    }

    @Override
    public Classifier create(PluginConfig config) {
      Dimension d = Dimension.of(config.id(), "A", "B", "C");
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return d;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          if (throwsWithData) {
            throw new IllegalArgumentException("bad data for " + customer.id());
          }
          out.accept(3, 0);
        }

        @Override
        public Assignment explain(Customer customer) {
          return new Assignment(Dimension.of(config.id(), "A", "B", "C", "D"), 3, 0, "", java.util.List.of());
        }
      };
    }
  }
}
