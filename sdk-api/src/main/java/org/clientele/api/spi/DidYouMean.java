package org.clientele.api.spi;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * "Did you mean": the known name nearest to a misspelt one, for error messages about provider
 * names, dimension keys, labels, rule ids and configuration keys. The engine, the playbook and
 * plugins use this one rule, so every message suggests the same way.
 *
 * <p>Names are compared ignoring case, by edit distance with a swap of neighbours counted as one
 * edit. A candidate is near enough to be a typo when it is fewer edits away than half the name's
 * length and at most a third of it (at least two): {@code vaule} suggests {@code value}, {@code
 * risk-hihg} suggests {@code risk-high}, {@code ab} suggests nothing.
 *
 * @since 0.1.0
 */
public final class DidYouMean {

  private DidYouMean() {}

  /**
   * Finds the known name nearest to a name, if it is near enough to be a typo.
   *
   * @param name the unknown name
   * @param known the known names
   * @return the nearest known name (the alphabetically first of equally near ones); empty if
   *     none is near enough
   * @since 0.1.0
   */
  public static Optional<String> nearest(String name, Collection<String> known) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(known, "known");
    String n = name.toLowerCase(Locale.ROOT);
    int limit = Math.min((name.length() - 1) / 2, Math.max(2, name.length() / 3));
    @Nullable String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(n, k.toLowerCase(Locale.ROOT));
      if (d <= limit && (d < bestDistance || (d == bestDistance && best != null && k.compareTo(best) < 0))) {
        best = k;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Returns {@code "; did you mean 'x'?"} for the {@linkplain #nearest nearest} known name, to
   * append to a message, or an empty string when none is near enough.
   *
   * @param name the unknown name
   * @param known the known names
   * @return the suffix, or {@code ""}
   * @since 0.1.0
   */
  public static String suffix(String name, Collection<String> known) {
    return nearest(name, known).map(k -> "; did you mean '" + k + "'?").orElse("");
  }

  /** Edit distance with a transposition of neighbours counted as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
