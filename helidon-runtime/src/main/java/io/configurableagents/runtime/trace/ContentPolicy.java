package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of a run's content a trace may keep, in one place: prompts, responses and answers only
 * when prompts are logged (otherwise their sizes), very long texts cut, and the values of secret
 * environment variables (API keys, exporter credentials) never, wherever they turn up.
 */
final class ContentPolicy {
  /** Texts longer than this keep only their beginning (their full size is still recorded). */
  static final int MAX_TEXT = 65_536;
  /** Shorter values are not treated as secrets: replacing them would garble ordinary text. */
  static final int MIN_SECRET = 8;
  static final String MASK = "***";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean logPrompts;
  private final List<String> secrets;

  ContentPolicy(boolean logPrompts, Collection<String> secretValues) {
    this.logPrompts = logPrompts;
    this.secrets = secretValues.stream().filter(s -> s != null && s.length() >= MIN_SECRET).distinct().toList();
  }

  boolean logPrompts() {
    return logPrompts;
  }

  /** A prompt or a response: kept (scrubbed, cut when very long) when prompts are logged, else only its size. */
  Payload text(String raw) {
    if (!logPrompts) {
      return new Payload(Optional.empty(), raw.length(), false);
    }
    String clean = scrub(raw);
    boolean cut = clean.length() > MAX_TEXT;
    return new Payload(Optional.of(cut ? clean.substring(0, MAX_TEXT) : clean), raw.length(), cut);
  }

  /** An error message or a routing reason: always kept, scrubbed. */
  String message(String raw) {
    return scrub(raw);
  }

  /** The run's inputs and outputs: always kept, scrubbed. */
  Map<String, Object> values(Map<String, Object> raw) {
    Map<String, Object> clean = new LinkedHashMap<>();
    raw.forEach((k, v) -> clean.put(k, scrubValue(v)));
    return clean;
  }

  /** What a model answered, parsed (an attempt's result, a node's updates): like a response. */
  Map<String, Object> answer(Map<String, Object> raw) {
    if (logPrompts) {
      return values(raw);
    }
    Map<String, Object> sizes = new LinkedHashMap<>();
    raw.forEach((k, v) -> sizes.put(k, "[not logged: " + jsonLength(v) + " chars]"));
    return sizes;
  }

  private Object scrubValue(Object value) {
    if (value instanceof String s) {
      return scrub(s);
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> clean = new LinkedHashMap<>();
      map.forEach((k, v) -> clean.put(k, scrubValue(v)));
      return clean;
    }
    if (value instanceof List<?> list) {
      List<Object> clean = new ArrayList<>(list.size());
      list.forEach(v -> clean.add(scrubValue(v)));
      return clean;
    }
    return value;
  }

  private String scrub(String text) {
    String clean = text;
    for (String secret : secrets) {
      if (clean.contains(secret)) {
        clean = clean.replace(secret, MASK);
      }
    }
    return clean;
  }

  private static int jsonLength(Object value) {
    try {
      return JSON.writeValueAsString(value).length();
    } catch (JsonProcessingException e) {
      return String.valueOf(value).length();
    }
  }
}
