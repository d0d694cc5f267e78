package io.configurableagents.core.types;

import java.util.regex.Pattern;

/** Field paths for messages: {@code topic}, {@code scores[2]}, {@code profile.age}, {@code counts["a b"]}. */
final class Paths {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Paths() {}

  static String index(String path, int index) {
    return path + "[" + index + "]";
  }

  static String key(String path, String key) {
    if (!PLAIN_KEY.matcher(key).matches()) {
      return path + "[" + JsonValues.quote(key) + "]";
    }
    return path.isEmpty() ? key : path + "." + key;
  }
}
