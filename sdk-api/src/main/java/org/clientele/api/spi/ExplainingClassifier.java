package org.clientele.api.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clientele.api.Assignment;
import org.clientele.api.Classifier;
import org.clientele.api.Customer;
import org.clientele.api.Dimension;
import org.clientele.api.LabelSink;
import org.clientele.api.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A classifier written once: {@link #classify} and {@link #explain} run the same {@link #evaluate}
 * method, so the label a salesperson reads in an explanation is always the label the hot path
 * gave. {@link #classify} passes no reason list, so the evaluation allocates nothing; {@link
 * #explain} passes one and reads the label and score back from the sink.
 *
 * <pre>{@code
 * final class NeedsClassifier extends ExplainingClassifier {
 *   NeedsClassifier(Dimension dimension) {
 *     super(dimension);
 *   }
 *
 *   @Override
 *   protected void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why) {
 *     double share = customer.number(SERVICE_SHARE, Double.NaN);
 *     if (Double.isNaN(share)) {
 *       if (why != null) {
 *         why.add(Reason.missing(SERVICE_SHARE, "No service tickets known: needs UNKNOWN"));
 *       }
 *       out.acceptFallback(UNKNOWN, Double.NaN);
 *       return;
 *     }
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>The built-in classifiers are written this way.
 *
 * @since 0.1.0
 */
public abstract class ExplainingClassifier implements Classifier {

  private final Dimension dimension;

  /**
   * Creates the classifier.
   *
   * @param dimension the dimension it labels; its id must be the configured id ({@link
   *     PluginConfig#id()})
   */
  protected ExplainingClassifier(Dimension dimension) {
    this.dimension = Objects.requireNonNull(dimension, "dimension");
  }

  @Override
  public final Dimension dimension() {
    return dimension;
  }

  @Override
  public final void classify(Customer customer, LabelSink out) {
    evaluate(customer, out, null);
  }

  /**
   * Runs {@link #evaluate} with a list for the reasons and returns its label, score and reasons.
   *
   * @param customer the customer
   * @return the assignment
   * @throws IllegalStateException naming the classifier if {@link #evaluate} did not call the sink
   *     exactly once
   */
  @Override
  public final Assignment explain(Customer customer) {
    List<Reason> why = new ArrayList<>();
    Verdict verdict = new Verdict();
    evaluate(customer, verdict, why);
    if (verdict.calls != 1) {
      throw new IllegalStateException(
          getClass().getName() + ".evaluate() called its sink " + verdict.calls + " times for customer "
              + customer.id() + ", not exactly once");
    }
    return new Assignment(dimension, verdict.label, verdict.score, "", why, verdict.fallback);
  }

  /**
   * Classifies a customer: calls the sink exactly once and, when {@code why} is given, adds the
   * reasons in the order the rules were applied. Must allocate nothing when {@code why} is null
   * (build reason texts only inside {@code if (why != null)}).
   *
   * @param customer the customer
   * @param out receives the label index and score, exactly once: {@link LabelSink#acceptFallback}
   *     for a label decided for lack of data, {@link LabelSink#accept} otherwise
   * @param why receives the reasons, or null on the hot path
   */
  protected abstract void evaluate(Customer customer, LabelSink out, @Nullable List<Reason> why);

  /** Remembers what {@link #evaluate} gave, for {@link #explain}. */
  private static final class Verdict implements LabelSink {
    private int label = -1;
    private double score = Double.NaN;
    private boolean fallback;
    private int calls;

    @Override
    public void accept(int labelIndex, double score) {
      this.label = labelIndex;
      this.score = score;
      this.fallback = false;
      calls++;
    }

    @Override
    public void acceptFallback(int labelIndex, double score) {
      accept(labelIndex, score);
      this.fallback = true;
    }
  }
}
