package org.clientele.playbook;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named combination of labels on several dimensions (cross segmentation, 交叉细分), such as the
 * value x loyalty quadrant {@code high-value-loyal}: value CORE or IMPORTANT, loyalty HIGH or
 * MEDIUM. Rules name it with {@code "segment"} instead of repeating the conditions.
 *
 * @param id a unique id in lowercase kebab case
 * @param description what the segment is, or empty
 * @param when dimension id (as written in the playbook) to the accepted labels
 * @since 0.1.0
 */
public record CrossSegment(String id, String description, Map<String, List<String>> when) {

  /**
   * Checks the id and copies the conditions.
   *
   * @param id a unique id in lowercase kebab case
   * @param description what the segment is, or empty
   * @param when dimension id (as written in the playbook) to the accepted labels
   */
  public CrossSegment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(description, "description");
    if (!Rule.ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Segment id '" + id + "' must be lowercase kebab or snake case ([a-z0-9][a-z0-9_.-]*)");
    }
    when = Rule.copy(when);
    if (when.isEmpty()) {
      throw new IllegalArgumentException("Segment '" + id + "' needs at least one condition");
    }
  }
}
