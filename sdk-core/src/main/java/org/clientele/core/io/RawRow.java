package org.clientele.core.io;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row as read, before any value is interpreted: the names of its columns (shared by all rows
 * of a CSV file) and their texts. A value is null when a JSON Lines record holds {@code null} or
 * lacks the key.
 *
 * @param line the 1-based line where the row starts
 * @param names column names or JSON keys
 * @param values the raw texts, parallel to {@code names}
 * @param jsonNumber for JSON Lines, which values were JSON numbers (they use {@code .} whatever the
 *     configured decimal separator); null for CSV
 * @param problem a problem with the whole row (wrong column count, malformed JSON), or null
 */
record RawRow(
    long line,
    List<String> names,
    List<@Nullable String> values,
    boolean @Nullable [] jsonNumber,
    @Nullable Rejection problem) {

  boolean isJsonNumber(int index) {
    return jsonNumber != null && jsonNumber[index];
  }
}
