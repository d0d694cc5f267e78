package io.configurableagents.runtime.trace;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Random OpenTelemetry ids: 16 bytes for a trace, 8 for a span, as lower-case hex; never all zero. */
final class SpanIds {
  private static final HexFormat HEX = HexFormat.of();

  private SpanIds() {}

  static String traceId() {
    return random(16);
  }

  static String spanId() {
    return random(8);
  }

  private static String random(int bytes) {
    byte[] id = new byte[bytes];
    do {
      ThreadLocalRandom.current().nextBytes(id);
    } while (allZero(id));
    return HEX.formatHex(id);
  }

  private static boolean allZero(byte[] id) {
    for (byte b : id) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
