package io.configurableagents.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret of one console session: made when the console starts, put into the page it serves,
 * and required on every API request (header {@value #HEADER}). Another site cannot read the page
 * (the browser's same-origin rule, and {@link RequestGuard} refuses hosts other than this
 * machine's), so it cannot send the token.
 */
final class ConsoleToken {
  static final String HEADER = "X-Console-Token";

  private final String value;

  private ConsoleToken(String value) {
    this.value = value;
  }

  static ConsoleToken random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new ConsoleToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  String value() {
    return value;
  }

  /** Whether {@code sent} is this token (compared in constant time). */
  boolean matches(Optional<String> sent) {
    return sent.isPresent() && MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
        sent.get().getBytes(StandardCharsets.UTF_8));
  }
}
