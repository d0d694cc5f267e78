package io.configurableagents.runtime.trace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The few protobuf wire-format encodings OTLP trace messages need: varints, fixed64, and
 * length-delimited fields (strings, bytes, nested messages). Fields at their default value are
 * left out, as protobuf encoders do.
 */
final class ProtoWriter {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  static byte[] message(Consumer<ProtoWriter> fields) {
    ProtoWriter writer = new ProtoWriter();
    fields.accept(writer);
    return writer.out.toByteArray();
  }

  ProtoWriter string(int field, String value) {
    return value.isEmpty() ? this : bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter bytes(int field, byte[] value) {
    if (value.length == 0) {
      return this;
    }
    tag(field, LENGTH_DELIMITED);
    varint(value.length);
    out.writeBytes(value);
    return this;
  }

  /** A nested message, written even when empty (an empty message still says "present"). */
  ProtoWriter message(int field, Consumer<ProtoWriter> fields) {
    byte[] body = message(fields);
    tag(field, LENGTH_DELIMITED);
    varint(body.length);
    out.writeBytes(body);
    return this;
  }

  ProtoWriter uint64(int field, long value) {
    if (value == 0) {
      return this;
    }
    tag(field, VARINT);
    varint(value);
    return this;
  }

  /** int64 and enums: negative values take ten bytes, as protobuf encodes them. */
  ProtoWriter int64(int field, long value) {
    return uint64(field, value);
  }

  ProtoWriter bool(int field, boolean value) {
    return uint64(field, value ? 1 : 0);
  }

  /** A bool inside a oneof: written even when false (presence is the point). */
  ProtoWriter boolAlways(int field, boolean value) {
    tag(field, VARINT);
    varint(value ? 1 : 0);
    return this;
  }

  /** An int64 inside a oneof: written even when zero. */
  ProtoWriter int64Always(int field, long value) {
    tag(field, VARINT);
    varint(value);
    return this;
  }

  ProtoWriter doubleAlways(int field, double value) {
    tag(field, FIXED64);
    fixed64(Double.doubleToRawLongBits(value));
    return this;
  }

  ProtoWriter fixed64(int field, long value) {
    if (value == 0) {
      return this;
    }
    tag(field, FIXED64);
    fixed64(value);
    return this;
  }

  /** A string inside a oneof: written even when empty. */
  ProtoWriter stringAlways(int field, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    tag(field, LENGTH_DELIMITED);
    varint(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private void fixed64(long value) {
    for (int i = 0; i < 8; i++) {
      out.write((int) (value >>> (8 * i)) & 0xFF);
    }
  }
}
