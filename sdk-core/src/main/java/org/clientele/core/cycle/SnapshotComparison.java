package org.clientele.core.cycle;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.clientele.api.Assignment;
import org.clientele.api.ConfigurationException;
import org.clientele.api.Dimension;
import org.clientele.api.Reason;
import org.clientele.core.Engine;
import org.clientele.core.Explanation;
import org.clientele.core.Model;
import org.clientele.core.io.RejectionSink;
import org.clientele.core.job.Segmentation;
import org.jspecify.annotations.Nullable;

/**
 * Compares two snapshots: the library call under {@code clientele compare}.
 *
 * <p>Per dimension both snapshots share: the transition matrix of the customers in both, the
 * customers only in the newer one (new) and only in the older one (gone), and, when the snapshots
 * have a {@code value} dimension (see {@link #REVENUE_DIMENSION}), the revenue moved with them.
 * Per moving customer, when both snapshots' sidecars hold the model and the input files are still
 * there, the reason: each customer is explained again with its snapshot's model and inputs, and
 * the deciding reason of the new label (the first reason whose feature value or threshold
 * changed) is compared with the old one for the same feature.
 *
 * @since 0.1.0
 */
public final class SnapshotComparison {

  /**
   * The dimension whose score is the revenue of the migration matrix: the built-in value
   * dimension scores a customer by its revenue metric ({@code revenue_12m} by default).
   */
  public static final String REVENUE_DIMENSION = "value";

  private SnapshotComparison() {}

  /**
   * Compares two snapshots, with the reasons of the moves when they can be had.
   *
   * @param before the older snapshot
   * @param after the newer snapshot
   * @return the migration
   */
  public static Migration compare(Snapshot before, Snapshot after) {
    return compare(before, after, true);
  }

  /**
   * Compares two snapshots.
   *
   * @param before the older snapshot
   * @param after the newer snapshot
   * @param explain whether to explain each move again from the snapshots' models and inputs (when
   *     both sidecars hold them); false gives the matrix alone, without reading any input
   * @return the migration
   */
  public static Migration compare(Snapshot before, Snapshot after, boolean explain) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    List<String> shared = new ArrayList<>();
    for (String d : after.dimensions()) {
      if (before.dimensions().contains(d)) {
        shared.add(d);
      }
    }
    Map<String, List<String>> order = new HashMap<>();
    labelOrder(after, order);
    labelOrder(before, order);
    boolean revenue = shared.contains(REVENUE_DIMENSION);
    List<Migration.DimensionMigration> dims = new ArrayList<>();
    List<Migration.Move> moves = new ArrayList<>();
    for (String d : shared) {
      LinkedHashSet<String> labels = new LinkedHashSet<>(order.getOrDefault(d, List.of()));
      for (String id : before.ids()) {
        labels.add(Objects.requireNonNull(before.label(id, d)));
      }
      for (String id : after.ids()) {
        labels.add(Objects.requireNonNull(after.label(id, d)));
      }
      List<String> all = List.copyOf(labels);
      int n = all.size();
      long[][] counts = new long[n][n];
      BigDecimal[][] rb = new BigDecimal[n][n];
      BigDecimal[][] ra = new BigDecimal[n][n];
      for (BigDecimal[] r : rb) {
        java.util.Arrays.fill(r, BigDecimal.ZERO);
      }
      for (BigDecimal[] r : ra) {
        java.util.Arrays.fill(r, BigDecimal.ZERO);
      }
      long[] added = new long[n];
      long[] gone = new long[n];
      for (String id : after.ids()) {
        String to = Objects.requireNonNull(after.label(id, d));
        int j = all.indexOf(to);
        String from = before.label(id, d);
        if (from == null) {
          added[j]++;
          continue;
        }
        int i = all.indexOf(from);
        counts[i][j]++;
        if (revenue) {
          rb[i][j] = rb[i][j].add(money(before.score(id, REVENUE_DIMENSION)));
          ra[i][j] = ra[i][j].add(money(after.score(id, REVENUE_DIMENSION)));
        }
        if (i != j) {
          moves.add(new Migration.Move(id, d, from, to, null, null));
        }
      }
      for (String id : before.ids()) {
        if (after.label(id, d) == null) {
          gone[all.indexOf(Objects.requireNonNull(before.label(id, d)))]++;
        }
      }
      dims.add(new Migration.DimensionMigration(d, all, rows(counts), revenue ? rows(rb) : null, revenue ? rows(ra) : null,
          list(added), list(gone)));
    }
    SnapshotInfo bi = before.info().orElse(null);
    SnapshotInfo ai = after.info().orElse(null);
    if (explain && !moves.isEmpty() && explainable(bi) && explainable(ai)) {
      Set<String> ids = new HashSet<>();
      moves.forEach(m -> ids.add(m.customerId()));
      Map<String, Explanation> old = explain(Objects.requireNonNull(bi), ids);
      Map<String, Explanation> now = explain(Objects.requireNonNull(ai), ids);
      List<Migration.Move> reasoned = new ArrayList<>(moves.size());
      for (Migration.Move m : moves) {
        reasoned.add(reason(m, old.get(m.customerId()), now.get(m.customerId())));
      }
      moves = reasoned;
    }
    return new Migration(before.name(), after.name(), bi, ai, dims, moves);
  }

  /**
   * Classifies the inputs of a snapshot again with another model, as of the snapshot's own
   * reference date: compared with a snapshot of that model, every move is then a change in the
   * customers, none a change of thresholds ({@code clientele compare --same-model}).
   *
   * @param snapshot a snapshot whose sidecar names its input files
   * @param model the model to classify with (the newer snapshot's)
   * @return the snapshot the model would have made, its sidecar naming the model
   * @throws IllegalArgumentException if the snapshot has no sidecar or its input files are gone
   */
  public static Snapshot reclassify(Snapshot snapshot, Model model) {
    SnapshotInfo info = snapshot.info().orElseThrow(() -> new IllegalArgumentException(snapshot.name()
        + ": no " + SnapshotInfo.SUFFIX + " beside it, so its inputs are unknown; write it again with 'clientele classify'"));
    if (!inputsExist(info)) {
      throw new IllegalArgumentException(snapshot.name() + ": its input files (" + inputs(info) + ") are not there any more");
    }
    Snapshot.Collector collected = Snapshot.collector();
    job(info, model).run(collected, RejectionSink.discard());
    SnapshotInfo again = SnapshotInfo.of(model, info.referenceDate(), path(info.customers()), path(info.transactions()));
    return collected.build(snapshot.name() + " classified again with the newer model", again);
  }

  private static boolean explainable(@Nullable SnapshotInfo info) {
    return info != null && info.modelJson() != null && inputsExist(info);
  }

  private static boolean inputsExist(SnapshotInfo info) {
    return (info.customers() != null || info.transactions() != null)
        && (info.customers() == null || Files.isRegularFile(Path.of(info.customers())))
        && (info.transactions() == null || Files.isRegularFile(Path.of(info.transactions())));
  }

  private static String inputs(SnapshotInfo info) {
    List<String> names = new ArrayList<>();
    if (info.customers() != null) {
      names.add(info.customers());
    }
    if (info.transactions() != null) {
      names.add(info.transactions());
    }
    return String.join(", ", names);
  }

  private static @Nullable Path path(@Nullable String file) {
    return file == null ? null : Path.of(file);
  }

  private static Segmentation job(SnapshotInfo info, Model model) {
    Segmentation.Builder b = Segmentation.builder().model(model).referenceDate(info.referenceDate());
    if (info.customers() != null) {
      b.customers(Path.of(info.customers()));
    }
    if (info.transactions() != null) {
      b.transactions(Path.of(info.transactions()));
    }
    return b.build();
  }

  private static Map<String, Explanation> explain(SnapshotInfo info, Set<String> ids) {
    Model model = info.model().orElseThrow();
    Engine engine = Engine.builder().model(model).build();
    Map<String, Explanation> out = new HashMap<>();
    job(info, model).forEachCustomer(c -> {
      if (ids.contains(c.id())) {
        out.put(c.id(), engine.explain(c));
      }
    }, RejectionSink.discard());
    return out;
  }

  /** The deciding reason of the new label, against the old reason on the same feature. */
  static Migration.Move reason(Migration.Move m, @Nullable Explanation before, @Nullable Explanation after) {
    if (before == null || after == null) {
      return m;
    }
    Assignment old = before.assignment(m.dimension());
    Assignment now = after.assignment(m.dimension());
    // The deciding reason: the first that the old label did not read, or whose value changed and
    // whose threshold changed side; else the first whose threshold changed; else the first whose
    // value changed; else the first with a value. A multi-criteria label (loyalty) states every
    // criterion with the new label's threshold, so a changed threshold alone does not make a
    // feature the cause: a tenure that did not move did not move the customer.
    Reason deciding = null;
    Reason was = null;
    for (int pass = 0; pass < 4 && deciding == null; pass++) {
      for (Reason r : now.reasons()) {
        if (r.isMissing()) {
          continue;
        }
        Reason o = old.reasons().stream().filter(x -> x.feature().equals(r.feature())).findFirst().orElse(null);
        boolean valueMoved = o == null || !Objects.equals(o.value(), r.value());
        boolean sideChanged = o == null || !o.threshold().equals(r.threshold());
        boolean pick = switch (pass) {
          case 0 -> valueMoved && sideChanged;
          case 1 -> sideChanged;
          case 2 -> valueMoved;
          default -> true;
        };
        if (pick) {
          deciding = r;
          was = o;
          break;
        }
      }
    }
    if (deciding == null) {
      return new Migration.Move(m.customerId(), m.dimension(), m.from(), m.to(), "no reason given: " + now.reasons(), null);
    }
    StringBuilder s = new StringBuilder(deciding.feature()).append(' ');
    s.append(was == null ? "(not used before)" : String.valueOf(was.value())).append(" -> ").append(deciding.value());
    if (!deciding.threshold().isEmpty()) {
      s.append(", threshold ").append(deciding.threshold());
      if (was != null && !was.threshold().equals(deciding.threshold()) && !was.threshold().isEmpty()) {
        s.append(" (was ").append(was.threshold()).append(')');
      }
    }
    s.append(": ").append(deciding.text());
    return new Migration.Move(m.customerId(), m.dimension(), m.from(), m.to(), s.toString(), deciding.feature());
  }

  private static void labelOrder(Snapshot s, Map<String, List<String>> order) {
    Optional<Model> model;
    try {
      model = s.info().flatMap(SnapshotInfo::model);
    } catch (ConfigurationException e) {
      return;
    }
    if (model.isEmpty()) {
      return;
    }
    try {
      for (Dimension d : Engine.builder().model(model.get()).build().dimensions()) {
        order.putIfAbsent(d.id(), d.labels());
      }
    } catch (RuntimeException e) {
      // a model whose plugins are not on the class path: labels in order of appearance
    }
  }

  private static BigDecimal money(double score) {
    return Double.isNaN(score) ? BigDecimal.ZERO : new BigDecimal(Double.toString(score));
  }

  private static List<List<Long>> rows(long[][] m) {
    List<List<Long>> out = new ArrayList<>();
    for (long[] r : m) {
      out.add(list(r));
    }
    return out;
  }

  private static List<List<BigDecimal>> rows(BigDecimal[][] m) {
    List<List<BigDecimal>> out = new ArrayList<>();
    for (BigDecimal[] r : m) {
      out.add(List.of(r));
    }
    return out;
  }

  private static List<Long> list(long[] a) {
    List<Long> out = new ArrayList<>(a.length);
    for (long x : a) {
      out.add(x);
    }
    return out;
  }
}
