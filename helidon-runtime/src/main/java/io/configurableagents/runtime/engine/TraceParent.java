package io.configurableagents.runtime.engine;

import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The caller's trace context, from a W3C {@code traceparent} header ({@code docs/traces.md},
 * "Joining the caller's trace"): a run given one is recorded as a child of the caller's span, in
 * the caller's trace. The engine only carries it to {@link RunEvent.RunStarted}.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param parentSpanId 16 lower-case hex digits, not all zero
 * @param flags the trace flags byte ({@code 01}: sampled)
 */
public record TraceParent(String traceId, String parentSpanId, int flags) {
  /** {@code version-traceid-parentid-flags}; a later version may append {@code -...} fields. */
  private static final Pattern HEADER =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?");

  public TraceParent {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(parentSpanId, "parentSpanId");
  }

  /**
   * The context a {@code traceparent} header value holds, or empty when it is malformed (the W3C
   * rule: a bad header is ignored, and the run starts a trace of its own).
   */
  public static Optional<TraceParent> parse(String header) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = HEADER.matcher(header.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String version = m.group(1);
    boolean extraFields = m.group(5) != null;
    if (version.equals("ff") || (version.equals("00") && extraFields) || zero(m.group(2)) || zero(m.group(3))) {
      return Optional.empty();
    }
    return Optional.of(new TraceParent(m.group(2), m.group(3), HexFormat.fromHexDigits(m.group(4))));
  }

  private static boolean zero(String hex) {
    return hex.chars().allMatch(c -> c == '0');
  }
}
