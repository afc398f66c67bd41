package org.clientele.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.junit.jupiter.api.Test;

class ProviderDefaultsTest {

  private static final Dimension FLAG = Dimension.of("flag", "YES", "NO");

  /** A classifier that only implements the abstract methods. */
  private static final class Minimal implements Classifier {
    @Override
    public Dimension dimension() {
      return FLAG;
    }

    @Override
    public void classify(Customer customer, LabelSink out) {
      out.accept(0, Double.NaN);
    }

    @Override
    public Assignment explain(Customer customer) {
      return Assignment.of(FLAG, "YES", Double.NaN, java.util.List.of());
    }
  }

  private static final ClassifierProvider PROVIDER = new ClassifierProvider() {
    @Override
    public String name() {
      return "minimal";
    }

    @Override
    public Classifier create(PluginConfig config) {
      return new Minimal();
    }
  };

  @Test
  void a_classifier_reads_no_features_unless_it_says_so() {
    assertThat(new Minimal().features()).isEmpty();
  }

  @Test
  void a_provider_needs_no_calibration_unless_it_says_so() {
    assertThat(PROVIDER.calibrator(PluginConfig.empty("flag"))).isEmpty();
  }

  @Test
  void calibration_is_stored_under_a_documented_key() {
    assertThat(ClassifierProvider.CALIBRATION_KEY).isEqualTo("calibration");
  }
}
