package io.configurableagents.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The API keys a caller must present ({@code API_KEYS}, {@code API_KEYS_FILE}, see
 * {@code docs/runtime.md}, "Security"); none means the API is open. Only SHA-256 digests of the
 * keys are kept, a presented key is compared with every one of them in constant time, and nothing
 * here ever prints a key.
 */
public final class ApiKeys {
  /** No keys: the API is open. */
  public static final ApiKeys NONE = new ApiKeys(List.of());

  private final List<byte[]> digests;

  private ApiKeys(List<byte[]> digests) {
    this.digests = digests;
  }

  /** The given keys (blank ones ignored, surrounding blanks trimmed). */
  public static ApiKeys of(Collection<String> keys) {
    List<byte[]> digests = keys.stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().map(ApiKeys::digest).toList();
    return digests.isEmpty() ? NONE : new ApiKeys(digests);
  }

  /** Whether callers must present a key. */
  public boolean required() {
    return !digests.isEmpty();
  }

  public int count() {
    return digests.size();
  }

  /**
   * The caller an {@code Authorization} header identifies: {@code Bearer <key>}, or {@code Basic}
   * with the key as password (what a browser sends after asking for a user name and password; the
   * user name is ignored). Empty when the header is missing or holds no key of this service.
   */
  Optional<Caller> authenticate(Optional<String> authorization) {
    return authorization.flatMap(ApiKeys::presentedKey).flatMap(this::match);
  }

  /** The caller {@code key} identifies ({@code API key 2}), compared with every key in constant time. */
  Optional<Caller> match(String key) {
    byte[] presented = digest(key);
    int found = -1;
    for (int i = 0; i < digests.size(); i++) {
      if (MessageDigest.isEqual(digests.get(i), presented)) {
        found = i;
      }
    }
    return found < 0 ? Optional.empty() : Optional.of(Caller.key(found + 1));
  }

  private static Optional<String> presentedKey(String authorization) {
    String header = authorization.strip();
    int space = header.indexOf(' ');
    if (space < 0) {
      return Optional.empty();
    }
    String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
    String credentials = header.substring(space + 1).strip();
    return switch (scheme) {
      case "bearer" -> Optional.of(credentials);
      case "basic" -> basicPassword(credentials);
      default -> Optional.empty();
    };
  }

  private static Optional<String> basicPassword(String credentials) {
    try {
      String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** How many keys, never which. */
  @Override
  public String toString() {
    return digests.size() + " API key(s)";
  }
}
