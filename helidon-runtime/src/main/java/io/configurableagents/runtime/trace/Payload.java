package io.configurableagents.runtime.trace;

import java.util.Objects;
import java.util.Optional;

/**
 * A prompt or a response: its text when prompts are logged, its size always.
 *
 * @param text empty when prompts are not logged ({@code log_prompts: false})
 * @param chars the length of the whole text, in UTF-16 code units (as JavaScript counts them)
 * @param truncated whether {@code text} holds only the beginning of a very long text
 */
public record Payload(Optional<String> text, int chars, boolean truncated) {
  public Payload {
    Objects.requireNonNull(text, "text");
    if (chars < 0) {
      throw new IllegalArgumentException("chars must not be negative: " + chars);
    }
  }
}
