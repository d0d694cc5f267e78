package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.SearchService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes every provider API key found in the environment from a text, so that no message, event,
 * log or output built from a provider's answer can carry one (a provider may echo the key, and
 * some put it in URLs). A key is found as it is, URL-encoded, and base64-encoded (as in a Basic
 * authorization, at any position of a longer encoded text). Values shorter than {@value
 * #MIN_SECRET_LENGTH} characters are not treated as secrets: replacing them would shred ordinary
 * text.
 */
public final class SecretRedactor {
  static final String MASK = "***";
  static final int MIN_SECRET_LENGTH = 4;
  /** Shorter base64 runs (from keys under 9 bytes) could stand for anything. */
  static final int MIN_ENCODED_LENGTH = 12;
  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");
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
            .flatMap(SecretRedactor::forms)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    return new SecretRedactor(secrets);
  }

  private static List<String> keyVariables() {
    List<String> names = new ArrayList<>(
        Arrays.stream(Provider.values()).map(Provider::apiKeyVariable).flatMap(Optional::stream).toList());
    Arrays.stream(SearchService.values()).map(SearchService::keyVariable).forEach(names::add);
    return List.copyOf(names);
  }

  /** {@code text} with every key, in every form, replaced by {@value #MASK}. */
  public String redact(String text) {
    String result = text;
    for (String secret : secrets) {
      result = result.replace(secret, MASK);
    }
    return result;
  }

  /** The key as it is, URL-encoded (upper- and lower-case escapes), and its base64 runs in both alphabets. */
  static Stream<String> forms(String key) {
    String url = URLEncoder.encode(key, StandardCharsets.UTF_8);
    Matcher escapes = PERCENT_ESCAPE.matcher(url);
    String urlLowerCase = escapes.replaceAll(escape -> escape.group().toLowerCase(Locale.ROOT));
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    Stream<String> base64 =
        Stream.of(0, 1, 2)
            .map(offset -> base64Run(bytes, offset))
            .filter(run -> run.length() >= MIN_ENCODED_LENGTH)
            .flatMap(run -> Stream.of(run, run.replace('+', '-').replace('/', '_')));
    return Stream.concat(Stream.of(key, url, urlLowerCase), base64);
  }

  /**
   * The base64 characters that stand for the key's bytes alone when {@code offset} other bytes
   * precede them in the encoded data: whole groups of four characters, without the groups shared
   * with the bytes before or after.
   */
  static String base64Run(byte[] key, int offset) {
    byte[] shifted = new byte[offset + key.length];
    System.arraycopy(key, 0, shifted, offset, key.length);
    String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
    int from = offset == 0 ? 0 : 4;
    int to = 4 * (shifted.length / 3);
    return from < to ? encoded.substring(from, to) : "";
  }
}
