package io.configurableagents.core.validate;

import io.configurableagents.core.model.SourceLocation;

/**
 * Positions in a loaded file, looked up by path: mapping keys as {@code String}s, list indexes as
 * {@code Integer}s, e.g. {@code value("edges", 3, "to")}. A path that does not exist in the file
 * (a key left out, a default) resolves to the nearest enclosing value that does, so a lookup
 * always gives a position inside the file.
 */
public interface SourceMap {

  /** Where the value at {@code path} starts. */
  SourceLocation value(Object... path);

  /** Where the key that holds the value at {@code path} is; the value's position for list items. */
  SourceLocation key(Object... path);

  /** The span of the scalar at {@code path}, for positions inside it. */
  SourceSpan span(Object... path);

  /** A map that puts everything at the start of {@code file} (drafts made in code). */
  static SourceMap startOf(String file) {
    SourceLocation start = SourceLocation.startOf(file);
    return new SourceMap() {
      @Override
      public SourceLocation value(Object... path) {
        return start;
      }

      @Override
      public SourceLocation key(Object... path) {
        return start;
      }

      @Override
      public SourceSpan span(Object... path) {
        return SourceSpan.at(start);
      }
    };
  }
}
