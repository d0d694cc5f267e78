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
 * when prompts are logged (otherwise their sizes), large values cut to their beginning (a trace's
 * size depends on configuration, not on a run's data; the job record keeps the whole values), and
 * the values of secret environment variables (API keys, exporter credentials) never, wherever they
 * turn up.
 */
final class ContentPolicy {
  /** {@code TRACES_MAX_VALUE_CHARS} unless set: the characters a prompt, a response or a value keeps. */
  static final int DEFAULT_MAX_CHARS = 65_536;
  /** Shorter values are not treated as secrets: replacing them would garble ordinary text. */
  static final int MIN_SECRET = 8;
  static final String MASK = "***";
  /** Numbers, booleans and null count this much against a value's characters. */
  private static final int SCALAR_CHARS = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean logPrompts;
  private final List<String> secrets;
  private final int maxChars;

  ContentPolicy(boolean logPrompts, Collection<String> secretValues, int maxChars) {
    this.logPrompts = logPrompts;
    this.secrets = secretValues.stream().filter(s -> s != null && s.length() >= MIN_SECRET).distinct().toList();
    this.maxChars = maxChars;
  }

  boolean logPrompts() {
    return logPrompts;
  }

  /** A prompt or a response: kept (scrubbed, its first {@code maxChars} characters) when prompts are logged, else only its size. */
  Payload text(String raw) {
    if (!logPrompts) {
      return new Payload(Optional.empty(), raw.length(), false);
    }
    String clean = scrub(raw);
    boolean cut = clean.length() > maxChars;
    return new Payload(Optional.of(cut ? beginning(clean, maxChars) : clean), raw.length(), cut);
  }

  /** An error message or a routing reason: always kept, scrubbed, cut with a marker when long. */
  String message(String raw) {
    return (String) kept(raw, new int[] {maxChars});
  }

  /**
   * The run's inputs and outputs: always kept, scrubbed; each field keeps at most {@code maxChars}
   * characters (a long string keeps its beginning and a marker with its size, a long list or
   * object its first items and a marker).
   */
  Map<String, Object> values(Map<String, Object> raw) {
    Map<String, Object> clean = new LinkedHashMap<>();
    raw.forEach((k, v) -> clean.put(k, kept(v, new int[] {maxChars})));
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

  /** The marker that ends a cut string. */
  static String truncatedMarker(int chars) {
    return "… [truncated: " + chars + " chars]";
  }

  /** {@code value} scrubbed, using up at most {@code budget[0]} characters (what is left is written back). */
  private Object kept(Object value, int[] budget) {
    if (value instanceof String s) {
      String clean = scrub(s);
      if (clean.length() <= budget[0]) {
        budget[0] -= clean.length();
        return clean;
      }
      String cut = beginning(clean, budget[0]) + truncatedMarker(s.length());
      budget[0] = 0;
      return cut;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> clean = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (budget[0] <= 0) {
          clean.put("…", "[truncated: " + map.size() + " keys, " + clean.size() + " kept]");
          break;
        }
        budget[0] -= String.valueOf(e.getKey()).length();
        clean.put(e.getKey(), kept(e.getValue(), budget));
      }
      return clean;
    }
    if (value instanceof List<?> list) {
      List<Object> clean = new ArrayList<>(Math.min(list.size(), 1_024));
      for (Object item : list) {
        if (budget[0] <= 0) {
          clean.add("[truncated: " + list.size() + " items, " + clean.size() + " kept]");
          break;
        }
        clean.add(kept(item, budget));
      }
      return clean;
    }
    budget[0] -= SCALAR_CHARS;
    return value;
  }

  /** The first {@code chars} characters, one fewer when the cut would split a surrogate pair. */
  private static String beginning(String text, int chars) {
    int end = Math.max(0, chars);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
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
