package org.clientele.core.io;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The formats of the per-customer results file ({@link ResultWriter}).
 *
 * @since 0.1.0
 */
public enum ResultFormat {
  /** One JSON object a line. */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV;

  /**
   * Chooses by file name.
   *
   * @param file the results file
   * @return CSV for a {@code .csv} file name, JSON Lines otherwise
   */
  public static ResultFormat of(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
  }
}
