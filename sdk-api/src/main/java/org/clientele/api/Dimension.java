package org.clientele.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A classification dimension: an id such as {@code value} and its ordered labels such as {@code
 * CORE, IMPORTANT, POTENTIAL, LOW}. Inside the engine a label is its index in {@link #labels()};
 * names appear only at the edges.
 *
 * <p>Ids are lowercase ({@code [a-z][a-z0-9_-]*}); labels are upper snake case ({@code
 * [A-Z][A-Z0-9_]*}). The label order is the dimension's natural order (best or most engaged
 * first by convention) and is how reports list them.
 *
 * @param id the dimension's id, which is also its key in the configuration
 * @param labels the labels, distinct, at least one
 * @since 0.1.0
 */
public record Dimension(String id, List<String> labels) {

  /** The label reported for a dimension whose classifier failed; its index is {@code -1}. */
  public static final String UNCLASSIFIED = "UNCLASSIFIED";

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9_]*");

  /**
   * Validates the id and labels and copies the list.
   *
   * @param id the dimension's id, lowercase
   * @param labels the labels, upper snake case, distinct, at least one
   */
  public Dimension {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Dimension id '" + id + "' must be lowercase ([a-z][a-z0-9_-]*)");
    }
    labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("Dimension '" + id + "' needs at least one label");
    }
    var seen = new HashSet<String>();
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw new IllegalArgumentException(
            "Label '" + label + "' of dimension '" + id + "' must be upper snake case ([A-Z][A-Z0-9_]*)");
      }
      if (label.equals(UNCLASSIFIED)) {
        throw new IllegalArgumentException(
            "Label " + UNCLASSIFIED + " of dimension '" + id + "' is reserved for failures");
      }
      if (!seen.add(label)) {
        throw new IllegalArgumentException(
            "Label '" + label + "' appears twice in dimension '" + id + "'");
      }
    }
  }

  /**
   * Creates a dimension.
   *
   * @param id lowercase id
   * @param labels labels in their natural order
   * @return the dimension
   */
  public static Dimension of(String id, String... labels) {
    return new Dimension(id, List.of(labels));
  }

  /**
   * Creates a dimension whose labels are an enum's constant names, in declaration order.
   *
   * @param id lowercase id
   * @param labels the enum type
   * @return the dimension
   */
  public static Dimension of(String id, Class<? extends Enum<?>> labels) {
    // A loop, not a stream: built-in classifiers call this in every cold engine build.
    List<String> names = new ArrayList<>();
    for (Enum<?> label : labels.getEnumConstants()) {
      names.add(label.name());
    }
    return new Dimension(id, names);
  }

  /**
   * Returns the number of labels.
   *
   * @return the count
   */
  public int size() {
    return labels.size();
  }

  /**
   * Returns the label at an index.
   *
   * @param index a label index, or {@code -1} for {@link #UNCLASSIFIED}
   * @return the label's name
   * @throws IndexOutOfBoundsException if the index is outside the dimension
   */
  public String label(int index) {
    return index == -1 ? UNCLASSIFIED : labels.get(index);
  }

  /**
   * Returns the index of a label.
   *
   * @param label a label name
   * @return its index, or {@code -1} if it is not a label of this dimension
   */
  public int indexOf(String label) {
    return labels.indexOf(label);
  }

  /**
   * Tells whether a label index belongs to this dimension.
   *
   * @param index a candidate label index
   * @return true if {@code 0 <= index < size()}
   */
  public boolean contains(int index) {
    return index >= 0 && index < labels.size();
  }
}
