package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.Provider;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Removes every provider API key found in the environment from a text, so that no message, event
 * or log built from a provider's answer can carry one (a provider may echo the key, and some put
 * it in URLs). Values shorter than {@value #MIN_SECRET_LENGTH} characters are not treated as
 * secrets: replacing them would shred ordinary text.
 */
public final class SecretRedactor {
  static final String MASK = "***";
  static final int MIN_SECRET_LENGTH = 4;
  private final List<String> secrets;

  private SecretRedactor(List<String> secrets) {
    this.secrets = secrets;
  }

  /** The variables whose values are masked: every provider's API key, and the search tools' keys. */
  public static final List<String> KEY_VARIABLES = keyVariables();

  /** Masks the values of every provider's (and search tool's) API key variable that {@code environment} holds. */
  public static SecretRedactor forProviderKeys(Environment environment) {
    List<String> secrets =
        KEY_VARIABLES.stream()
            .map(environment::variable)
            .flatMap(Optional::stream)
            .map(String::strip)
            .filter(value -> value.length() >= MIN_SECRET_LENGTH)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    return new SecretRedactor(secrets);
  }

  private static List<String> keyVariables() {
    List<String> names = new java.util.ArrayList<>(
        Arrays.stream(Provider.values()).map(Provider::apiKeyVariable).flatMap(Optional::stream).toList());
    names.addAll(List.of("SERPER_API_KEY", "TAVILY_API_KEY"));
    return List.copyOf(names);
  }

  /** {@code text} with every key replaced by {@value #MASK}. */
  public String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }
}
