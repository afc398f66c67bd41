package org.clientele.core.internal;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/** "Did you mean": the known name nearest to a misspelt one. */
public final class Names {

  private Names() {}

  /**
   * Finds the candidate nearest to a name by edit distance, if it is near enough to be a typo: at
   * most two edits, and fewer than half the name's length.
   *
   * @param name the unknown name
   * @param candidates the known names
   * @return the nearest candidate (the alphabetically first of equally near ones), or null
   */
  public static @Nullable String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.min(2, (name.length() - 1) / 2);
    for (String c : candidates) {
      int d = distance(name, c);
      if (d <= limit && (d < bestDistance || (d == bestDistance && best != null && c.compareTo(best) < 0))) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance, with a transposition of neighbours counted as one edit. */
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
