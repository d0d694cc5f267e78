package io.configurableagents.runtime.trace;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading decoded OTLP spans in assertions. */
public final class OtlpSpans {
  private OtlpSpans() {}

  public static Span byName(List<Span> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.stream().map(Span::getName).toList()));
  }

  /** Attributes by key: strings, longs, booleans, doubles, and lists of those. */
  public static Map<String, Object> attributes(List<KeyValue> list) {
    Map<String, Object> map = new HashMap<>();
    list.forEach(kv -> map.put(kv.getKey(), value(kv.getValue())));
    return map;
  }

  private static Object value(AnyValue v) {
    return switch (v.getValueCase()) {
      case STRING_VALUE -> v.getStringValue();
      case INT_VALUE -> v.getIntValue();
      case BOOL_VALUE -> v.getBoolValue();
      case DOUBLE_VALUE -> v.getDoubleValue();
      case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpSpans::value).toList();
      default -> v.toString();
    };
  }
}
