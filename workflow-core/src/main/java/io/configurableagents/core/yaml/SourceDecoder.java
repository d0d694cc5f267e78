package io.configurableagents.core.yaml;

import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.SourceLines;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes to text: UTF-8 only, a size limit, and a clear message for binary files. */
final class SourceDecoder {
  /** Larger files are refused before parsing: no workflow is anywhere near this size. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private SourceDecoder() {}

  /** The decoded text, or the diagnostic that says why there is none. */
  sealed interface Decoded permits Text, Refused {}

  record Text(String text) implements Decoded {}

  record Refused(Diagnostic diagnostic) implements Decoded {}

  static Decoded decode(String file, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return refused(
          SourceLocation.startOf(file),
          "file is " + megabytes(bytes.length) + " MB; a workflow file may be at most "
              + MAX_BYTES / (1024 * 1024) + " MB",
          "is this the right file?");
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      return refused(SourceLocation.startOf(file), "file is UTF-16 encoded", "save it as UTF-8");
    }
    int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    for (int i = offset; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return refused(
            locate(file, bytes, offset, i),
            "binary file (a NUL byte); a workflow file is UTF-8 text",
            "is this the right file?");
      }
    }
    return utf8(file, bytes, offset);
  }

  private static Decoded utf8(String file, byte[] bytes, int offset) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      return refused(
          locate(file, bytes, offset, bad),
          String.format("not valid UTF-8 (byte 0x%02X)", bytes[bad] & 0xFF),
          "save the file as UTF-8");
    }
    decoder.flush(out);
    out.flip();
    return new Text(out.toString());
  }

  private static SourceLocation locate(String file, byte[] bytes, int from, int index) {
    String before = new String(bytes, from, index - from, StandardCharsets.UTF_8);
    return SourceLines.of(before).locationOfIndex(file, before.length());
  }

  private static Refused refused(SourceLocation at, String message, String hint) {
    return new Refused(Diagnostic.error(at, message, hint));
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static String megabytes(int bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }
}
