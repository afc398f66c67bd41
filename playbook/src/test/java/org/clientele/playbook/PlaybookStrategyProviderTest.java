package org.clientele.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clientele.playbook.Fixtures.RISK;
import static org.clientele.playbook.Fixtures.VALUE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.clientele.api.Action;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.PlanSink;
import org.clientele.api.StandardFeatures;
import org.clientele.api.Strategy;
import org.clientele.api.spi.PluginConfig;
import org.clientele.api.spi.StrategyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookStrategyProviderTest {

  private static final List<Dimension> DIMS = List.of(VALUE, RISK);
  private static final String FILE_PLAYBOOK = """
      {"description": "mine", "rules": [
        {"id": "core-call", "priority": 1, "when": {"value": "CORE"}, "rationale": "r",
         "actions": [{"code": "call", "category": "follow-up", "description": "Call them."}]}]}
      """;

  @Test
  void theServiceLoaderFindsThePlaybookByName() {
    List<String> names = ServiceLoader.load(StrategyProvider.class).stream().map(p -> p.get().name()).toList();
    assertThat(names).contains("playbook");
  }

  @Test
  void anEmptySectionGivesTheDefaultPlaybook() {
    PluginConfig config = Fixtures.config(Map.of());
    Strategy strategy = new PlaybookStrategyProvider().create(config, DIMS);
    assertThat(strategy).isInstanceOfSatisfying(Playbook.class, p -> {
      assertThat(p.isDefault()).isTrue();
      assertThat(p.source()).isEqualTo("default playbook");
    });
    assertThat(config.unreadKeys()).isEmpty();
  }

  @Test
  void aPlaybookFileReplacesTheDefaultAndResolvesBesideTheConfiguration(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("playbook.json"), FILE_PLAYBOOK);
    Path configFile = Files.writeString(dir.resolve("clientele.json"), "{}");
    PluginConfig config = PluginConfig.of("playbook", configFile.toString(), "$.strategy", Map.of("file", "playbook.json"));

    Playbook p = Playbook.create(config, DIMS);

    assertThat(p.isDefault()).isFalse();
    assertThat(p.rules()).extracting(Rule::id).containsExactly("core-call");
    assertThat(Fixtures.codes(Fixtures.plan(p, Fixtures.NOBODY, Fixtures.segments(DIMS, "value=CORE")))).containsExactly("call");
  }

  @Test
  void aPlaybookFileIsCheckedForTyposAndErrorsNameTheFile(@TempDir Path dir) throws IOException {
    Path typo = Files.writeString(dir.resolve("typo.json"), FILE_PLAYBOOK.replace("\"rationale\"", "\"rationle\""));
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(Map.of("file", typo.toString())), DIMS))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(typo + " $.rules[0].actions[0].rationale: rule 'core-call', action 'call': no rationale");

    Path extra = Files.writeString(dir.resolve("extra.json"), "{\"rules\": [], \"rulez\": []}");
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(Map.of("file", extra.toString())), DIMS))
        .hasMessageContaining(extra + " $.rulez: unknown key");

    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"rules\": [");
    assertThatThrownBy(() -> Playbook.create(Fixtures.config(Map.of("file", broken.toString())), DIMS))
        .hasMessageContaining(broken + " line 1 column 12: invalid JSON");

    assertThatThrownBy(() -> Playbook.create(Fixtures.config(Map.of("file", dir.resolve("missing.json").toString())), DIMS))
        .hasMessageContaining("missing.json (clientele.json $.strategy.file): cannot read the file: NoSuchFileException");
  }

  @Test
  void planningAllocatesNothing() {
    java.util.function.LongSupplier allocatedBytes = threadAllocatedBytes();
    org.junit.jupiter.api.Assumptions.assumeTrue(allocatedBytes != null, "this JVM does not count allocated bytes per thread");
    Playbook p = Playbook.defaults(Fixtures.ALL);
    var segments = Fixtures.segments(Fixtures.ALL, "value=CORE loyalty=LOW behaviour=AT_RISK risk=HIGH");
    Customer customer = Customer.builder("C").set(StandardFeatures.ORDERS_12M, 9.0).set(StandardFeatures.AVERAGE_ORDER_VALUE, 150.0).build();
    int[] count = new int[1];
    PlanSink sink = (Action a) -> count[0]++;
    for (int i = 0; i < 20_000; i++) {
      p.plan(customer, segments, sink);
    }
    long before = allocatedBytes.getAsLong();
    for (int i = 0; i < 100_000; i++) {
      p.plan(customer, segments, sink);
    }
    long allocated = allocatedBytes.getAsLong() - before;
    assertThat(count[0]).isPositive();
    // Zero per call; the slack covers the measuring itself, far below one object per call.
    assertThat(allocated).isLessThan(10_000);
  }

  /** com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes, by reflection: the test runs patched into a module that does not read java.management. */
  private static java.util.function.@org.jspecify.annotations.Nullable LongSupplier threadAllocatedBytes() {
    try {
      Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
      Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
      if (!type.isInstance(bean) || !(Boolean) type.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
        return null;
      }
      java.lang.reflect.Method read = type.getMethod("getThreadAllocatedBytes", long.class);
      long tid = Thread.currentThread().getId();
      return () -> {
        try {
          return (Long) read.invoke(bean, tid);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
