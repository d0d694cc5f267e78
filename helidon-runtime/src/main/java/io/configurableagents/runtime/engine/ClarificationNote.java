package io.configurableagents.runtime.engine;

/**
 * The note appended to the prompt after a malformed or mistyped answer (docs/engine.md,
 * "Attempts and retries"): a blank line, what was wrong, and a request for an exact schema match. Always appended
 * to the original prompt, so notes never pile up over attempts.
 */
final class ClarificationNote {
  private ClarificationNote() {}

  static String appendTo(String originalPrompt, String problem) {
    return originalPrompt
        + "\n\nYour previous answer failed validation: "
        + problem
        + ". Answer again with JSON that matches the required schema exactly: every required field,"
        + " each with its declared type, and nothing else.";
  }
}
