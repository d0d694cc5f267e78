package io.configurableagents.console;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;

/**
 * A request's JSON object, read with a size limit, and its fields read with messages that say
 * which field is wrong and what it should be. No message repeats what was sent: a body may hold
 * an env value.
 */
final class JsonBody {
  /** The most of a too large body that is read (and dropped) before the answer. */
  static final long DRAIN_LIMIT = 16L * 1024 * 1024;

  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  /**
   * Reads the body, at most {@code limit} bytes.
   *
   * @param what what the body may hold, for the message when it is too large ("a workflow of at most 1 MB")
   */
  static JsonBody read(ServerRequest req, int limit, String what) {
    byte[] bytes = bytes(req, limit, what);
    if (bytes.length == 0) {
      throw ConsoleProblem.badRequest("empty_body", "The request has no body; send a JSON object");
    }
    return parse(bytes);
  }

  /** A body that may be empty (then every field takes its default). */
  static JsonBody readOptional(ServerRequest req, int limit, String what) {
    byte[] bytes = bytes(req, limit, what);
    return bytes.length == 0 ? new JsonBody(Json.object()) : parse(bytes);
  }

  private static JsonBody parse(byte[] bytes) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw ConsoleProblem.badRequest("invalid_json", "The request body is not valid JSON" + where + "; send a JSON object");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || !root.isObject()) {
      throw ConsoleProblem.badRequest("invalid_json", "The request body is JSON, but not an object; send {\"field\": ...}");
    }
    return new JsonBody(root);
  }

  private static byte[] bytes(ServerRequest req, int limit, String what) {
    long declared = req.headers().contentLength().orElse(-1);
    try (InputStream in = req.content().inputStream()) {
      byte[] bytes = declared > limit ? new byte[0] : in.readNBytes(limit + 1);
      if (declared > limit || bytes.length > limit) {
        long size = Math.max(declared, bytes.length + drain(in));
        throw ConsoleProblem.tooLarge("The request is " + (declared < 0 && size > DRAIN_LIMIT ? "over " : "")
            + megabytes(size) + ", more than the console takes: " + what);
      }
      return bytes;
    } catch (IOException e) {
      throw ConsoleProblem.badRequest("unreadable_body", "The request body could not be read to its end; send it again");
    }
  }

  /**
   * Reads what is left of a body too large to take, up to {@link #DRAIN_LIMIT}, so that the client
   * gets to read the answer (a browser that is still sending may see a reset connection instead);
   * the number of bytes read.
   */
  private static long drain(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n = in.read(buffer); n >= 0 && total <= DRAIN_LIMIT; n = in.read(buffer)) {
      total += n;
    }
    return total;
  }

  /** "5.0 MB". */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  /** A text field that must be there. */
  String text(String field) {
    return optionalText(field).orElseThrow(() ->
        ConsoleProblem.badRequest("missing_field", "The request lacks the text field \"" + field + "\""));
  }

  /** A text field that may be missing or null. */
  Optional<String> optionalText(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw ConsoleProblem.badRequest("invalid_field", "The field \"" + field + "\" must be text");
    }
    return Optional.of(node.asText());
  }

  /** A whole number from {@code min} to {@code max}, or {@code fallback} when missing or null. */
  int integer(String field, int min, int max, int fallback, String meaning) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
      throw ConsoleProblem.badRequest("invalid_field", "The field \"" + field + "\" (" + meaning
          + ") must be a whole number from " + min + " to " + max);
    }
    return node.intValue();
  }

  /** true or false, or {@code fallback} when missing or null. */
  boolean bool(String field, boolean fallback) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isBoolean()) {
      throw ConsoleProblem.badRequest("invalid_field", "The field \"" + field + "\" must be true or false");
    }
    return node.booleanValue();
  }

  /** A nested object that may be missing. */
  Optional<JsonBody> optionalObject(String field) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw ConsoleProblem.badRequest("invalid_field", "The field \"" + field + "\" must be an object");
    }
    return Optional.of(new JsonBody(node));
  }

  /** A nested object that must be there. */
  JsonBody object(String field) {
    return optionalObject(field).orElseThrow(() ->
        ConsoleProblem.badRequest("missing_field", "The request lacks the object \"" + field + "\""));
  }
}
