package io.configurableagents.runtime.engine;

import java.util.Map;
import java.util.Optional;

/** Keeps API keys out of messages, whatever a provider or client library put into them. */
final class Secrets {
  private Secrets() {}

  /** {@code message} with every occurrence of the key's value replaced by {@code ***}. */
  static String scrub(String message, Map<String, String> environment, Optional<String> keyVariable) {
    if (message == null) {
      return "";
    }
    String key = keyVariable.map(environment::get).orElse(null);
    if (key == null || key.length() < 4) {
      return message;
    }
    return message.replace(key, "***");
  }
}
