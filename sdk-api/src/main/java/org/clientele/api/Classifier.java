package org.clientele.api;

import java.util.Set;

/**
 * Puts a customer into one label of one {@link Dimension}. Implemented by plugin authors and by
 * the built-in classifiers; created by a {@link org.clientele.api.spi.ClassifierProvider} from its
 * configuration, then called by the engine for every customer.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Thread-safe and free of I/O: one instance serves every thread of the host.
 *   <li>{@link #classify(Customer, LabelSink)} is the hot path: it calls the sink once with a label
 *       index of {@link #dimension()} and should allocate nothing.
 *   <li>{@link #explain(Customer)} gives the same label and score, plus the reasons; it may
 *       allocate freely.
 *   <li>A missing feature is a case to decide and to name in the reasons, never a silent zero.
 * </ul>
 *
 * @since 0.1.0
 */
public interface Classifier {

  /**
   * Returns the dimension this classifier labels; its id is the key the classifier was configured
   * under.
   *
   * @return the dimension, the same instance on every call
   */
  Dimension dimension();

  /**
   * Classifies a customer on the hot path.
   *
   * @param customer the customer
   * @param out receives the label index and score, exactly once
   */
  void classify(Customer customer, LabelSink out);

  /**
   * Classifies a customer and explains why. Must agree with {@link #classify(Customer, LabelSink)}.
   *
   * @param customer the customer
   * @return the label, score and reasons
   */
  Assignment explain(Customer customer);

  /**
   * Returns the features this classifier reads, for documentation and input validation.
   *
   * @return the features; empty by default
   */
  default Set<Feature<?>> features() {
    return Set.of();
  }

  /**
   * Returns the inputs whose value, on a customer this classifier does not place (labels {@code
   * UNKNOWN}, or labels for lack of data with {@link LabelSink#acceptFallback}), is a value it could
   * not place: not recognised by its mapping, a placeholder such as {@code N/A}, or implausible. This
   * is the one mechanism for "a value was present but could not be placed": the report counts those
   * customers per dimension, against all customers with a value of these inputs, and names the most
   * frequent values (warning {@code unplaced_values} from 5% of them, a note below). A value that
   * sends many customers to UNKNOWN is then seen in the run, not found one explanation at a time.
   * Declare an input only if that holds for every such customer that has it (not one a customer can
   * have while being UNKNOWN for lack of another input), and say in the reason which case it was.
   *
   * @return a subset of {@link #features()}; empty by default
   * @since 0.1.0
   */
  default Set<Feature<?>> unplacedInputs() {
    return Set.of();
  }
}
