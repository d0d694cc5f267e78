package io.configurableagents.core.validate;

import java.util.Collection;
import java.util.Optional;

/**
 * "did you mean" suggestions: the closest candidate by Levenshtein distance, compared
 * case-insensitively, at distance 2 or less (workflow-format.md A.2, B 8.3).
 */
public final class DidYouMean {
  private DidYouMean() {}

  public static Optional<String> closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
  }

  /** {@code did you mean "x"?}, or {@code valid names: a, b, c} when nothing is close. */
  public static String hint(String name, Collection<String> candidates) {
    return closest(name, candidates)
        .map(c -> "did you mean \"" + c + "\"?")
        .orElseGet(() -> candidates.isEmpty() ? "there are none" : "valid names: " + String.join(", ", candidates));
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
