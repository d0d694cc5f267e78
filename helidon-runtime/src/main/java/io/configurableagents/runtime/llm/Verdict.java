package io.configurableagents.runtime.llm;

import java.util.Objects;

/** What the caller's parser says of a raw answer: a usable value, or why it is not one. */
public sealed interface Verdict<T> permits Verdict.Valid, Verdict.Invalid {

  static <T> Verdict<T> valid(T value) {
    return new Valid<>(value);
  }

  static <T> Verdict<T> invalid(String problem) {
    return new Invalid<>(problem);
  }

  /** @param value the parsed and coerced answer */
  record Valid<T>(T value) implements Verdict<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * @param problem what is wrong, for the clarification note and the final error, e.g.
   *     {@code "score: expected int, got \"seven\""}
   */
  record Invalid<T>(String problem) implements Verdict<T> {
    public Invalid {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
