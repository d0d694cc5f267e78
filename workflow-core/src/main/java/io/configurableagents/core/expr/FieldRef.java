package io.configurableagents.core.expr;

import java.util.List;

/**
 * A reference to a value by dotted path, as written in a prompt placeholder ({@code {state.a.b}},
 * {@code {topic}}) or a condition ({@code state.score}).
 *
 * @param text the reference as written, without braces: {@code "state.profile.name"}
 * @param path the segments with a leading {@code state} removed: {@code ["profile", "name"]}
 * @param offset 0-based offset in the template or condition source where the reference starts
 *     (the {@code '{'} of a placeholder, the first letter of a condition path)
 * @param statePrefixed whether it was written with the {@code state.} prefix
 */
public record FieldRef(String text, List<String> path, int offset, boolean statePrefixed) {
  public FieldRef {
    path = List.copyOf(path);
    if (path.isEmpty()) {
      throw new IllegalArgumentException("empty path in " + text);
    }
  }

  /** The first segment: the state field (or, in a prompt, possibly a node input) it starts at. */
  public String root() {
    return path.get(0);
  }

  /** The path joined with dots, without the {@code state.} prefix. */
  public String dotted() {
    return String.join(".", path);
  }
}
