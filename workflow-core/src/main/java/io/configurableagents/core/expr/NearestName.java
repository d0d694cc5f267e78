package io.configurableagents.core.expr;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The closest name to a misspelt one: Levenshtein distance, compared case-insensitively, at
 * distance 2 or less (docs/validate.md, "Output"). Lives in {@code expr} because templates need
 * it and {@code expr} depends on nothing else in core; {@code validate.DidYouMean} delegates here.
 */
public final class NearestName {
  /** The largest edit distance that still counts as "close". */
  public static final int MAX_DISTANCE = 2;

  private NearestName() {}

  /** The closest candidate within {@link #MAX_DISTANCE}; the first one wins a tie. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    Objects.requireNonNull(name, "name");
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= MAX_DISTANCE ? Optional.of(best) : Optional.empty();
  }

  /** The Levenshtein distance between two strings (case-sensitive). */
  public static int distance(String a, String b) {
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
