package org.clientele.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random checks of {@link Customer}'s invariants. Each run uses a new seed unless {@code
 * -Dclientele.test.seed=N} is given; a failure prints the seed so it can be replayed.
 */
class CustomerPropertyTest {

  private static final int CUSTOMERS = 2_000;

  // The pool is ordered by declaration: the standard vocabulary first, then a few plugin-like
  // features of every kind declared here, so that features() order can be predicted.
  private static final List<Feature<?>> POOL = pool();

  private static List<Feature<?>> pool() {
    List<Feature<?>> pool = new ArrayList<>(StandardFeatures.all());
    for (int i = 0; i < 4; i++) {
      pool.add(Feature.number("cpt_number_" + i, "property test number " + i));
      pool.add(Feature.text("cpt_text_" + i, "property test text " + i));
      pool.add(Feature.date("cpt_date_" + i, "property test date " + i));
    }
    return List.copyOf(pool);
  }

  @Test
  void random_customers_rebuild_equal_and_agree_with_their_features() {
    long seed = Long.getLong("clientele.test.seed", ThreadLocalRandom.current().nextLong());
    Random random = new Random(seed);
    int i = 0;
    try {
      for (; i < CUSTOMERS; i++) {
        checkOne(random);
      }
    } catch (AssertionError | RuntimeException e) {
      throw new AssertionError(
          "Customer property failed for customer #" + i + " with seed " + seed
              + " (replay with -Dclientele.test.seed=" + seed + ")",
          e);
    }
  }

  private static void checkOne(Random random) {
    String id = "c-" + random.nextInt(1_000);
    // The model: what the customer should hold, keyed by feature.
    Map<Feature<?>, Object> expected = new LinkedHashMap<>();
    for (Feature<?> f : POOL) {
      if (random.nextInt(4) == 0) {
        expected.put(f, randomValue(f, random));
      }
    }

    Customer.Builder builder = Customer.builder(id);
    List<Feature<?>> order = new ArrayList<>(POOL);
    Collections.shuffle(order, random);
    for (Feature<?> f : order) {
      // Noise the builder must forget: values later overwritten, features set and then removed.
      if (random.nextInt(5) == 0) {
        set(builder, f, randomValue(f, random));
      }
      if (expected.containsKey(f)) {
        set(builder, f, expected.get(f));
      } else if (random.nextBoolean()) {
        builder.remove(f);
      } else {
        builder.setOrRemove(f, null);
      }
    }
    Customer customer = builder.build();

    // Content and order of features().
    Map<Feature<?>, Object> features = customer.features();
    assertThat(features).containsExactlyEntriesOf(expected);
    assertThat(customer.featureCount()).isEqualTo(expected.size());
    assertThat(customer.id()).isEqualTo(id);

    // has() and the readers agree with features() for every feature, present or not.
    for (Feature<?> f : POOL) {
      assertThat(customer.has(f)).as("has(%s)", f).isEqualTo(features.containsKey(f));
      assertThat(customer.getOrNull(f)).as("getOrNull(%s)", f).isEqualTo(features.get(f));
      assertThat(customer.get(f).isPresent()).as("get(%s)", f).isEqualTo(customer.has(f));
      if (f.kind() == Feature.Kind.NUMBER) {
        @SuppressWarnings("unchecked")
        Feature<Double> number = (Feature<Double>) f;
        double read = customer.number(number, Double.NaN);
        assertThat(Double.isNaN(read)).as("number(%s) missing", f).isEqualTo(!customer.has(f));
      }
    }

    // Rebuilding gives an equal customer: through toBuilder, and from scratch in another order.
    Customer viaToBuilder = customer.toBuilder().build();
    assertThat(viaToBuilder).isEqualTo(customer).hasSameHashCodeAs(customer);

    Customer.Builder fresh = Customer.builder(id);
    List<Map.Entry<Feature<?>, Object>> entries = new ArrayList<>(expected.entrySet());
    Collections.shuffle(entries, random);
    for (Map.Entry<Feature<?>, Object> e : entries) {
      set(fresh, e.getKey(), e.getValue());
    }
    Customer rebuilt = fresh.build();
    assertThat(rebuilt).isEqualTo(customer).hasSameHashCodeAs(customer);

    // A change through toBuilder yields a different customer and leaves the original alone.
    Feature<?> touched = POOL.get(random.nextInt(POOL.size()));
    Customer changed;
    if (customer.has(touched)) {
      changed = customer.toBuilder().remove(touched).build();
    } else {
      changed = set(customer.toBuilder(), touched, randomValue(touched, random)).build();
    }
    assertThat(changed).isNotEqualTo(customer);
    assertThat(changed.has(touched)).isNotEqualTo(customer.has(touched));
    assertThat(customer.features()).containsExactlyEntriesOf(expected);
  }

  @SuppressWarnings("unchecked")
  private static Customer.Builder set(Customer.Builder builder, Feature<?> feature, Object value) {
    return builder.set((Feature<Object>) feature, value);
  }

  private static Object randomValue(Feature<?> feature, Random random) {
    return switch (feature.kind()) {
      case NUMBER -> switch (random.nextInt(4)) {
        case 0 -> 0.0;
        case 1 -> (double) random.nextInt(100);
        case 2 -> -random.nextDouble() * 1e6;
        default -> random.nextGaussian() * 1e12;
      };
      case TEXT -> random.nextBoolean() ? "C" + random.nextInt(100) : " padded " + random.nextInt(10) + " ";
      case DATE -> LocalDate.of(1990, 1, 1).plusDays(random.nextInt(20_000));
    };
  }
}
