package io.configurableagents.core.validate;

import io.configurableagents.core.expr.NearestName;
import java.util.Collection;
import java.util.Optional;

/**
 * "did you mean" suggestions: the closest candidate by Levenshtein distance, compared
 * case-insensitively, at distance 2 or less (docs/validate.md, "Output"). The distance itself
 * lives in {@link NearestName}, which templates share.
 */
public final class DidYouMean {
  private DidYouMean() {}

  public static Optional<String> closest(String name, Collection<String> candidates) {
    return NearestName.closest(name, candidates);
  }

  /** {@code did you mean "x"?}, or {@code valid names: a, b, c} when nothing is close. */
  public static String hint(String name, Collection<String> candidates) {
    return closest(name, candidates)
        .map(c -> "did you mean \"" + c + "\"?")
        .orElseGet(() -> candidates.isEmpty() ? "there are none" : "valid names: " + String.join(", ", candidates));
  }

  static int distance(String a, String b) {
    return NearestName.distance(a, b);
  }
}
