package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.LabelSink;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.PluginConfig;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.clientele.core.report.SegmentationReport.QualityWarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value a dimension cannot place sends its customer to UNKNOWN with a reason; the run's report
 * counts those values and names the most frequent in one warning per dimension, for the inputs the
 * classifier declares in {@code Classifier.unplacedInputs()}, and says nothing for a classifier
 * that declares none.
 */
class SegmentationUnplacedValuesTest {

  static final Feature<String> COLOUR = Feature.text("unplaced_test_colour", "A colour (test)");

  @TempDir Path dir;

  /** RED for "red", UNKNOWN otherwise; declares the colour as unplaced input when asked to. */
  record ColourProvider(String name, boolean declares) implements ClassifierProvider {
    @Override
    public Classifier create(PluginConfig config) {
      Dimension dimension = Dimension.of(config.id(), "RED", "UNKNOWN");
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return dimension;
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          out.accept("red".equals(customer.getOrNull(COLOUR)) ? 0 : 1, Double.NaN);
        }

        @Override
        public Assignment explain(Customer customer) {
          return Assignment.of(dimension, "red".equals(customer.getOrNull(COLOUR)) ? "RED" : "UNKNOWN", Double.NaN, List.of());
        }

        @Override
        public Set<Feature<?>> features() {
          return Set.of(COLOUR);
        }

        @Override
        public Set<Feature<?>> unplacedInputs() {
          return declares ? Set.of(COLOUR) : Set.of();
        }
      };
    }
  }

  private List<QualityWarning> run(boolean declares, String rows) throws IOException {
    Path customers = Files.writeString(dir.resolve("customers.csv"), "id,unplaced_test_colour\n" + rows);
    Segmentation job = Segmentation.builder()
        .model(Model.fromJson("{\"dimensions\": {\"colour\": {}}, \"strategy\": null}", "clientele.json"))
        .customers(customers)
        .engine(b -> b.discover(false).register(new ColourProvider("colour", declares)))
        .build();
    return job.run(r -> { }, RejectionSink.discard()).report().orElseThrow().quality().warnings().stream()
        .filter(w -> w.code().equals("unplaced_values")).toList();
  }

  @Test
  void theValuesUnknownCustomersCarryAreCountedMostFrequentFirst() throws IOException {
    StringBuilder rows = new StringBuilder("A,red\nB,blue\nC,blue\nD,green\nE,\n");
    for (int i = 0; i < 7; i++) {
      rows.append("X").append(i).append(",shade").append(i).append('\n');
    }

    List<QualityWarning> warnings = run(true, rows.toString());

    assertThat(warnings).singleElement().satisfies(w -> {
      assertThat(w.dimension()).isEqualTo("colour");
      assertThat(w.message()).isEqualTo("colour: 10 of 11 customers with unplaced_test_colour (90.9%) have a value it could"
          + " not place: unplaced_test_colour 'blue' (2), 'green' (1), 'shade0' (1), 'shade1' (1), 'shade2' (1) and 4 more"
          + " values. They are labelled for lack of data or UNKNOWN; each one's reasons say why (not recognised, a"
          + " placeholder, implausible): map the values in the dimension's configuration, or correct them in the export"
          + " ('clientele explain <id>' shows one)");
    });
  }

  @Test
  void aClassifierThatDeclaresNoUnplacedInputGetsNoWarning() throws IOException {
    assertThat(run(false, "A,red\nB,blue\n")).isEmpty();
  }

  @Test
  void everyValuePlacedGivesNoWarning() throws IOException {
    assertThat(run(true, "A,red\nB,\n")).isEmpty();
  }
}
