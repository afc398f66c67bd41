package org.clientele.cli;

import org.jspecify.annotations.Nullable;

/** The one CSV cell quoting of the files the commands write beside the results (moves, budgets). */
final class Csv {

  private Csv() {}

  /** A cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break; null is empty. */
  static String cell(@Nullable String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
        ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
