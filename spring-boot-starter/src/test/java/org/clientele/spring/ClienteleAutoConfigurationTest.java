package org.clientele.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.clientele.api.Customer;
import org.clientele.core.Classification;
import org.clientele.core.Engine;
import org.clientele.core.Model;
import org.clientele.core.demo.FeaturePopulation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The starter in a real Spring application context: properties in, beans out. */
class ClienteleAutoConfigurationTest {

  @TempDir static Path dir;
  static Path model;
  static List<Customer> population;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ClienteleAutoConfiguration.class));

  @BeforeAll
  static void calibrate() throws Exception {
    population = FeaturePopulation.of(7, 400);
    model = dir.resolve("model.json");
    Engine.builder().calibrate(population).write(model);
  }

  @Test
  void engineComesFromTheConfiguredModelFileAndClassifiesLikeAPlainEngine() {
    runner.withPropertyValues("clientele.model=" + model).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(ClienteleService.class).hasSingleBean(ReloadingEngine.class);
      ClienteleService service = context.getBean(ClienteleService.class);
      Engine plain = Engine.builder().model(Model.read(model)).build();
      for (Customer c : population.subList(0, 50)) {
        assertThat(service.classify(c)).isEqualTo(plain.classify(c));
      }
      assertThat(service.engine().dimensions()).extracting("id").contains("value", "loyalty", "risk");
    });
  }

  @Test
  void missingModelPropertyFailsStartUpNamingTheProperty() {
    runner.run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().hasMessageContaining("clientele.model"));
  }

  @Test
  void brokenModelFileFailsStartUpNamingTheFile() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"dimensions\": {\"value\": {\"provider\": \"nope\"}}}");
    runner.withPropertyValues("clientele.model=" + broken).run(context -> assertThat(context).hasFailed()
        .getFailure().rootCause().hasMessageContaining("broken.json").hasMessageContaining("nope"));
  }

  @Test
  void changedModelFileIsSwappedInAndABrokenOneKeepsTheRunningModel() throws Exception {
    Path live = dir.resolve("live.json");
    Files.copy(model, live, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    runner.withPropertyValues("clientele.model=" + live, "clientele.reload.enabled=false").run(context -> {
      ReloadingEngine engines = context.getBean(ReloadingEngine.class);
      ClienteleHealthIndicator health = context.getBean(ClienteleHealthIndicator.class);
      assertThat(engines.reloadIfChanged()).isFalse();

      Files.writeString(live, "{\"dimensions\": {\"industry\": {}}, \"strategy\": null}");
      touch(live, 1);
      assertThat(engines.reloadIfChanged()).isTrue();
      assertThat(engines.current().dimensions()).extracting("id").containsExactly("industry");
      assertThat(engines.reloads()).isEqualTo(1);

      Files.writeString(live, "{\"dimensions\": {\"industry\": {\"provider\": \"missing-plugin\"}}}");
      touch(live, 2);
      assertThat(engines.reloadIfChanged()).isFalse();
      assertThat(engines.current().dimensions()).extracting("id").containsExactly("industry");
      assertThat(engines.lastReloadError()).contains("live.json").contains("missing-plugin");
      Health h = health.health();
      assertThat(h.getStatus()).isEqualTo(Status.UP);
      assertThat(h.getDetails()).containsKey("lastReloadError").containsEntry("model", "live.json");
    });
  }

  @Test
  void watcherReloadsWithoutBeingAsked() throws Exception {
    Path watched = dir.resolve("watched.json");
    Files.copy(model, watched, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    runner.withPropertyValues("clientele.model=" + watched, "clientele.reload.interval=50ms").run(context -> {
      ReloadingEngine engines = context.getBean(ReloadingEngine.class);
      Files.writeString(watched, "{\"dimensions\": {\"industry\": {}}, \"strategy\": null}");
      touch(watched, 1);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (engines.reloads() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(engines.current().dimensions()).extracting("id").containsExactly("industry");
    });
  }

  @Test
  void batchWorkRunsOnTheHostsExecutorInInputOrder() {
    AtomicInteger tasks = new AtomicInteger();
    List<String> threads = new ArrayList<>();
    runner.withPropertyValues("clientele.model=" + model, "clientele.batch.chunk-size=37")
        .withBean(ClienteleAutoConfiguration.EXECUTOR_BEAN, Executor.class, () -> command -> {
          tasks.incrementAndGet();
          Thread t = new Thread(() -> {
            synchronized (threads) {
              threads.add(Thread.currentThread().getName());
            }
            command.run();
          }, "host-pool");
          t.start();
        })
        .run(context -> {
          ClienteleService service = context.getBean(ClienteleService.class);
          List<Classification> results = new ArrayList<>();
          long n = service.classifyAll(population.iterator(), results::add);
          assertThat(n).isEqualTo(population.size());
          assertThat(tasks.get()).isEqualTo((population.size() + 36) / 37);
          assertThat(threads).containsOnly("host-pool");
          assertThat(results).extracting(Classification::customerId)
              .containsExactlyElementsOf(population.stream().map(Customer::id).toList());
        });
  }

  @Test
  void metricsCountLabelsPerDimensionAndTagNoCustomerData() {
    runner.withPropertyValues("clientele.model=" + model).run(context -> {
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      context.getBean(ClienteleMetrics.class).bindTo(registry);
      ClienteleService service = context.getBean(ClienteleService.class);
      population.forEach(service::classify);
      double valueTotal = registry.find("clientele.classifications").tag("dimension", "value").counters().stream()
          .mapToDouble(c -> c.count()).sum();
      assertThat(valueTotal).isEqualTo(population.size());
      assertThat(registry.get("clientele.classification.latency").timer().count()).isEqualTo(population.size());
      assertThat(registry.get("clientele.errors").tag("dimension", "value").functionCounter().count()).isZero();
      String ids = population.get(0).id();
      assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags())
          .noneSatisfy(t -> assertThat(t.getValue()).isEqualTo(ids)));
    });
  }

  @Test
  void healthIsUpWithDiagnosticsButNoCustomerData() {
    runner.withPropertyValues("clientele.model=" + model).run(context -> {
      ClienteleService service = context.getBean(ClienteleService.class);
      Customer first = population.get(0);
      service.classify(first);
      Health h = context.getBean(ClienteleHealthIndicator.class).health();
      assertThat(h.getStatus()).isEqualTo(Status.UP);
      assertThat(h.getDetails()).containsKeys("model", "dimensions", "providerDiagnostics", "strategyDiagnostics",
          "strategyWarnings", "errors", "reloads");
      assertThat(h.getDetails().toString()).doesNotContain(first.id());
    });
  }

  @Test
  void hostBeansReplaceTheStartersOwn() {
    runner.withPropertyValues("clientele.model=" + model)
        .withBean("myEngine", ReloadingEngine.class, () -> new ReloadingEngine(model, java.util.Set.of()))
        .run(context -> assertThat(context).hasSingleBean(ReloadingEngine.class).hasBean("myEngine"));
  }

  private static void touch(Path file, int seconds) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(seconds)));
  }
}
