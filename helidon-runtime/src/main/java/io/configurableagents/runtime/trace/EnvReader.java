package io.configurableagents.runtime.trace;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads environment variables, collecting every problem (each names its variable and how to fix it). */
final class EnvReader {
  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  EnvReader(Map<String, String> env) {
    this.env = env;
  }

  Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  boolean bool(String name, boolean fallback) {
    return text(name)
        .map(v -> switch (v.toLowerCase(Locale.ROOT)) {
          case "true", "1", "yes", "on" -> true;
          case "false", "0", "no", "off" -> false;
          default -> {
            problem(name, v, "is not true or false");
            yield fallback;
          }
        })
        .orElse(fallback);
  }

  int integer(String name, int fallback, int min, int max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(name, value.get(), "is not a whole number from " + min + " to " + max + " (unset it to use the default, " + fallback + ")");
    return fallback;
  }

  /** {@code k1=v1,k2=v2} with URL-encoded values, as the OTEL_* variables hold them. */
  Map<String, String> pairs(String name) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return Map.of();
    }
    try {
      return parsePairs(value.get());
    } catch (IllegalArgumentException e) {
      problems.add(name + " is not a list of key=value pairs separated by commas (" + e.getMessage() + ")");
      return Map.of();
    }
  }

  static Map<String, String> parsePairs(String text) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("an entry has no key=value form");
      }
      pairs.put(part.substring(0, eq).trim(), URLDecoder.decode(part.substring(eq + 1).trim(), StandardCharsets.UTF_8));
    }
    return pairs;
  }

  void problem(String name, String value, String what) {
    String shown = value.length() > 60 ? value.substring(0, 60) + "..." : value;
    problems.add(name + "=\"" + shown + "\" " + what);
  }

  /** A problem with no value shown (the value may be a secret). */
  void problem(String message) {
    problems.add(message);
  }

  void failOnProblems() {
    if (!problems.isEmpty()) {
      throw TraceSettings.invalid(problems);
    }
  }
}
