package org.clientele.predict.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clientele.api.Customer;
import org.clientele.core.Engine;
import org.clientele.core.Model;
import org.clientele.core.features.DerivationOptions;
import org.clientele.core.features.FeatureDeriver;
import org.clientele.core.features.PeriodUnit;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.io.TransactionFormat;
import org.junit.jupiter.api.Test;

/**
 * The whole path on real data: the CDNOW sample's transaction log, derived in the lifetimes mode to
 * 1997-09-30 in weeks, calibrated by the engine with a BG/NBD churn dimension; the fit in the model
 * JSON is BTYD's, and the reloaded model labels the same. Skipped when the shared data is absent.
 */
class CdnowEngineTest {

  @Test
  void theEngineFitsBtydsBgNbdAtCalibrationAndKeepsItInTheModelJson() throws Exception {
    Path sample = Path.of(System.getProperty("clientele.sharedData", "../../shared/data"), "cdnow", "CDNOW_sample.txt");
    assumeThat(Files.isRegularFile(sample))
        .as("the CDNOW data is not at %s (system property clientele.sharedData); skipping", sample.toAbsolutePath())
        .isTrue();
    TransactionFormat format = TransactionFormat.builder()
        .delimiter("whitespace")
        .header(false)
        .columns(List.of("master_id", "customer_id", "date", "quantity", "amount"))
        .datePattern("yyyyMMdd")
        .build();
    FeatureDeriver deriver = FeatureDeriver.derive(sample, format,
        DerivationOptions.lifetimes(LocalDate.of(1997, 9, 30), PeriodUnit.WEEKS), RejectionSink.strict()).features();
    List<Customer> customers = new ArrayList<>();
    deriver.customers().forEachRemaining(customers::add);
    assertThat(customers).hasSize(2357);

    Model configured = Model.builder().source("test")
        .dimension("churn", "churn", Map.of("model", "bgnbd", "horizon", 39)).noStrategy().build();
    Model calibrated = Engine.builder().discover(false).register(new ChurnClassifierProvider())
        .model(configured).calibrate(customers);
    String json = calibrated.toJson();
    Model reloaded = Model.fromJson(json, "reloaded");
    Map<String, Object> cal = reloaded.dimensions().get(0).settings();
    @SuppressWarnings("unchecked")
    Map<String, Object> fit = (Map<String, Object>) cal.get("calibration");
    @SuppressWarnings("unchecked")
    Map<String, Number> params = (Map<String, Number>) fit.get("parameters");
    assertThat(params.get("r").doubleValue()).isCloseTo(0.2426, within(0.2426e-3));
    assertThat(params.get("alpha").doubleValue()).isCloseTo(4.4137, within(4.4137e-3));
    assertThat(params.get("a").doubleValue()).isCloseTo(0.7930, within(0.7930e-3));
    assertThat(params.get("b").doubleValue()).isCloseTo(2.4262, within(2.4262e-3));
    assertThat(((Number) fit.get("logLikelihood")).doubleValue()).isCloseTo(-9582.43, within(0.01));

    Engine engine = Engine.builder().discover(false).register(new ChurnClassifierProvider()).model(reloaded).build();
    Map<String, Integer> counts = new TreeMap<>();
    for (Customer c : customers) {
      counts.merge(engine.classify(c).labels().get("churn"), 1, Integer::sum);
    }
    System.out.println("CDNOW churn labels (BG/NBD, P(alive)): " + counts);
    assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2357);
    assertThat(counts).containsKeys("ACTIVE", "CHURNED");
    Customer one = customers.stream().filter(c -> Integer.parseInt(c.id().trim()) == 1).findFirst().orElseThrow();
    String why = engine.explain(one).assignment("churn").reasons().get(0).text();
    System.out.println(why);
    assertThat(why).contains("expected 1.23 purchases in the next 39 weeks").contains("BG/NBD r=0.2426");
  }
}
