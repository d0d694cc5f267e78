package io.configurableagents.runtime.http;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A library's message made fit for a client: its first line, without what only the library's
 * developers can read (parenthesised asides and clauses that name its features, classes or
 * limits, which Jackson puts in backquotes), at most {@value #MAX_LENGTH} characters.
 */
final class SafeText {
  static final int MAX_LENGTH = 160;
  /** Jackson's pointer to where a limit comes from: ", from `StreamReadConstraints.getMaxNumberLength()`". */
  private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

  private SafeText() {}

  /** The cleaned message; empty when nothing readable is left. */
  static Optional<String> of(String message) {
    String text = message == null ? "" : message.lines().findFirst().orElse("");
    text = withoutInternalAsides(LIMIT_SOURCE.matcher(text).replaceAll(""));
    StringBuilder kept = new StringBuilder();
    for (String clause : text.split(": ")) {
      if (isInternal(clause)) {
        break;
      }
      kept.append(kept.isEmpty() ? "" : ": ").append(clause);
    }
    String clean = kept.toString().strip().replaceAll("[\\s:;,]+$", "");
    if (clean.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(clean.length() > MAX_LENGTH ? clean.substring(0, MAX_LENGTH) + "..." : clean);
  }

  /** Drops every outermost parenthesised group that mentions an internal name. */
  private static String withoutInternalAsides(String text) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' && depth++ == 0) {
        out.append(text, start, i);
        start = i;
      } else if (c == ')' && depth > 0 && --depth == 0) {
        String group = text.substring(start, i + 1);
        if (!isInternal(group)) {
          out.append(group);
        } else if (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
          out.setLength(out.length() - 1);
        }
        start = i + 1;
      }
    }
    return out.append(text.substring(start)).toString();
  }

  private static boolean isInternal(String text) {
    return text.contains("`") || text.contains("Feature") || text.contains("jackson");
  }
}
