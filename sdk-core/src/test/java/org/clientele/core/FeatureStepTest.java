package org.clientele.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.Feature;
import org.clientele.api.FeatureStep;
import org.clientele.api.LabelSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.spi.Calibrator;
import org.clientele.api.spi.ClassifierProvider;
import org.clientele.api.spi.FeatureProvider;
import org.clientele.api.spi.PluginConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Feature steps ({@code $.features}): fitted at calibration before the dimensions, applied once per
 * customer before every classifier, kept in the model JSON, and guarded like classifiers.
 */
class FeatureStepTest {

  /** What the "relative" step adds: revenue divided by the population's mean revenue. */
  static final Feature<Double> RELATIVE = Feature.number("test_relative_revenue", "Revenue over the mean (test step)");

  /** "relative": fitted on the population (the mean revenue); adds {@link #RELATIVE}; throws for ids "bad*". */
  static final class RelativeProvider implements FeatureProvider {
    @Override
    public String name() {
      return "relative";
    }

    @Override
    public Set<Feature<?>> features(PluginConfig config) {
      config.number("scale", 1);
      return Set.of(RELATIVE);
    }

    @Override
    public Optional<Calibrator> calibrator(PluginConfig config) {
      config.number("scale", 1);
      return Optional.of(new MeanCalibrator());
    }

    @Override
    public FeatureStep create(PluginConfig config) {
      double scale = config.number("scale", 1);
      if (!config.has(ClassifierProvider.CALIBRATION_KEY)) {
        throw config.error(ClassifierProvider.CALIBRATION_KEY, "missing: this step needs calibration");
      }
      double mean = config.section(ClassifierProvider.CALIBRATION_KEY).number("mean", Double.NaN);
      config.section(ClassifierProvider.CALIBRATION_KEY).number("customers", 0);
      return new FeatureStep() {
        @Override
        public Set<Feature<?>> features() {
          return Set.of(RELATIVE);
        }

        @Override
        public Customer apply(Customer customer) {
          if (customer.id().startsWith("bad")) {
            throw new IllegalStateException("boom for " + customer.id());
          }
          double r = customer.number(StandardFeatures.REVENUE_12M, Double.NaN);
          return Double.isNaN(r) ? customer : customer.toBuilder().set(RELATIVE, scale * r / mean).build();
        }

        @Override
        public List<String> diagnostics() {
          return List.of("fitted on a mean of " + mean);
        }
      };
    }
  }

  static final class MeanCalibrator implements Calibrator {
    double sum;
    long n;

    @Override
    public void observe(Customer customer) {
      double r = customer.number(StandardFeatures.REVENUE_12M, Double.NaN);
      if (!Double.isNaN(r)) {
        sum += r;
        n++;
      }
    }

    @Override
    public void merge(Calibrator other) {
      sum += ((MeanCalibrator) other).sum;
      n += ((MeanCalibrator) other).n;
    }

    @Override
    public Map<String, Object> result() {
      return Map.of("mean", n == 0 ? 1.0 : sum / n, "customers", n);
    }
  }

  /** "above": ABOVE when {@link #RELATIVE} is at or above the calibrated median of {@link #RELATIVE}. */
  static final class AboveMedianProvider implements ClassifierProvider {
    @Override
    public String name() {
      return "above";
    }

    @Override
    public Optional<Calibrator> calibrator(PluginConfig config) {
      return Optional.of(new Calibrator() {
        final List<Double> seen = new ArrayList<>();

        @Override
        public void observe(Customer customer) {
          double v = customer.number(RELATIVE, Double.NaN);
          if (!Double.isNaN(v)) {
            seen.add(v);
          }
        }

        @SuppressWarnings("unchecked")
        @Override
        public void merge(Calibrator other) {
          seen.addAll((List<Double>) other.result().get("all"));
        }

        @Override
        public Map<String, Object> result() {
          List<Double> sorted = new ArrayList<>(seen);
          sorted.sort(null);
          return Map.of("median", sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2), "all", sorted);
        }
      });
    }

    @Override
    public Optional<Dimension> dimension(PluginConfig config) {
      return Optional.of(Dimension.of(config.id(), "ABOVE", "BELOW", "UNKNOWN"));
    }

    @Override
    public Classifier create(PluginConfig config) {
      PluginConfig cal = config.section(CALIBRATION_KEY);
      double median = cal.number("median", Double.NaN);
      cal.numbers("all", List.of());
      if (Double.isNaN(median)) {
        throw cal.error("median", "no customer had " + RELATIVE.name());
      }
      Dimension d = Dimension.of(config.id(), "ABOVE", "BELOW", "UNKNOWN");
      return new Classifier() {
        @Override
        public Dimension dimension() {
          return d;
        }

        @Override
        public Set<Feature<?>> features() {
          return Set.of(RELATIVE);
        }

        @Override
        public void classify(Customer customer, LabelSink out) {
          double v = customer.number(RELATIVE, Double.NaN);
          out.accept(Double.isNaN(v) ? 2 : v >= median ? 0 : 1, v);
        }

        @Override
        public Assignment explain(Customer customer) {
          double v = customer.number(RELATIVE, Double.NaN);
          return Assignment.of(d, Double.isNaN(v) ? "UNKNOWN" : v >= median ? "ABOVE" : "BELOW", v, List.of());
        }
      };
    }
  }

  private static EngineBuilder builder() {
    return Engine.builder().discover(false).parallelism(2).chunkSize(16)
        .register(new RelativeProvider()).register(new AboveMedianProvider());
  }

  private static Model configured() {
    return Model.builder().source("test").feature("relative", "relative", Map.of("scale", 2))
        .dimension("above", "above", Map.of()).noStrategy().build();
  }

  @Test
  void theStepIsFittedFirstAndTheDimensionsAreCalibratedOnItsFeatures() {
    List<Customer> population = Fixtures.population(7, 1000);
    Model calibrated = builder().model(configured()).calibrate(population);

    double mean = population.stream().mapToDouble(c -> c.number(StandardFeatures.REVENUE_12M, Double.NaN))
        .filter(v -> !Double.isNaN(v)).average().orElseThrow();
    @SuppressWarnings("unchecked")
    Map<String, Object> fit = (Map<String, Object>) calibrated.featureSteps().get(0).settings().get("calibration");
    assertThat(((Number) fit.get("mean")).doubleValue()).isEqualTo(mean);
    // The dimension's calibrator saw the step's feature: without it there would be no median at all.
    @SuppressWarnings("unchecked")
    Map<String, Object> cut = (Map<String, Object>) calibrated.dimensions().get(0).settings().get("calibration");
    assertThat(((Number) cut.get("median")).doubleValue()).isPositive();

    Model reloaded = Model.fromJson(calibrated.toJson(), "reloaded");
    assertThat(reloaded).isEqualTo(calibrated);
    Engine engine = builder().model(reloaded).build();
    Map<String, Integer> counts = new java.util.TreeMap<>();
    for (Customer c : population) {
      counts.merge(engine.classify(c).labels().get("above"), 1, Integer::sum);
    }
    assertThat(counts.get("ABOVE")).isBetween(440, 460); // about half of the 90% with revenue
    assertThat(counts.get("UNKNOWN")).isEqualTo((int) population.stream().filter(c -> !c.has(StandardFeatures.REVENUE_12M)).count());
    assertThat(engine.addedFeatures()).containsExactly(RELATIVE);
    assertThat(engine.featureDiagnostics()).containsExactly("relative: fitted on a mean of " + mean);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void theSinkOfABatchSeesTheCustomersWithTheStepsFeatures(int threads) {
    List<Customer> population = Fixtures.population(3, 100);
    Engine engine = builder().model(builder().model(configured()).calibrate(population)).parallelism(threads).build();
    List<Customer> seen = new ArrayList<>();
    engine.classifyEach(population.iterator(), (customer, result) -> seen.add(customer));
    assertThat(seen).hasSize(100);
    for (int i = 0; i < seen.size(); i++) {
      assertThat(seen.get(i).has(RELATIVE)).isEqualTo(population.get(i).has(StandardFeatures.REVENUE_12M));
      assertThat(seen.get(i)).isEqualTo(engine.withFeatures(population.get(i)));
    }
    assertThat(engine.explain(population.get(0)).assignment("above").score())
        .isEqualTo(engine.withFeatures(population.get(0)).number(RELATIVE, Double.NaN));
  }

  @Test
  void oneIteratorCannotCalibrateAStepAndADimensionAndSaysWhatToDo() {
    List<Customer> population = Fixtures.population(3, 100);
    assertThatThrownBy(() -> builder().model(configured()).calibrate(population.iterator()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("feature step [relative] and dimension [above] both need calibration")
        .hasMessageContaining("calibrate(Iterable)");
  }

  @Test
  void anUncalibratedStepIsNamedWhenBuildingAndListedByValidate() {
    assertThatThrownBy(() -> builder().model(configured()).build())
        .isInstanceOf(CalibrationException.class)
        .hasMessageContaining("test $.features.relative: feature step 'relative' is fitted on the population");
    Validation v = builder().model(configured()).validate();
    assertThat(v.needCalibration()).containsExactly("relative", "above");
  }

  @Test
  void aTypoInAStepsConfigurationIsAnUnknownKey() {
    Model typo = Model.builder().source("test").feature("relative", "relative", Map.of("scael", 2))
        .dimension("above", "above", Map.of()).noStrategy().build();
    assertThatThrownBy(() -> builder().model(typo).validate())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("scael").hasMessageContaining("unknown key");
  }

  @Test
  void aFailingStepLeavesItsFeaturesMissingCountsAndFailsFastWhenAsked() {
    List<Customer> population = new ArrayList<>(Fixtures.population(3, 100));
    population.add(Customer.builder("bad-1").set(StandardFeatures.REVENUE_12M, 5000.0).build());
    Model calibrated = builder().model(configured()).calibrate(population);
    Engine engine = builder().model(calibrated).build();
    assertThat(engine.classify(population.get(100)).labels().get("above")).isEqualTo("UNKNOWN");
    assertThat(engine.errorCounts()).containsEntry("features.relative", 1L).containsEntry("above", 0L);

    Model failFast = Model.fromJson(calibrated.toJson().replace("\"fallback\"", "\"fail-fast\""), "strict");
    Engine strict = builder().model(failFast).build();
    assertThatThrownBy(() -> strict.classify(population.get(100)))
        .isInstanceOf(ClassificationException.class)
        .hasMessageContaining("Feature step 'relative' (provider 'relative'");
  }

  @Test
  void aModelWithoutStepsWritesNoFeaturesKeyAndAnUnknownStepProviderIsNamed() {
    Model plain = Model.builder().source("test").dimension("above", "above", Map.of()).noStrategy().build();
    assertThat(plain.toJson()).doesNotContain("\"features\"");
    Model unknown = Model.fromJson("{\"features\": {\"forecast\": {}}, \"dimensions\": {\"above\": {}}, \"strategy\": null}", "cfg.json");
    assertThatThrownBy(() -> builder().model(unknown).validate())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("cfg.json $.features.forecast.provider");
  }
}
