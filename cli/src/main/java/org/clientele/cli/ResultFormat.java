package org.clientele.cli;

import java.nio.file.Path;
import java.util.Locale;

/** The formats of the per-customer results file. */
enum ResultFormat {
  /** One JSON object a line. */
  JSONL,
  /** RFC 4180 CSV with a header row. */
  CSV;

  /** CSV for a {@code .csv} file name, JSON Lines otherwise. */
  static ResultFormat of(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? CSV : JSONL;
  }
}
