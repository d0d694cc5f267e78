package io.configurableagents.runtime.http;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.RequestException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading a {@code POST /run} request: the inputs and how long the caller will wait. */
final class RunRequest {
  private static final HeaderName PREFER = HeaderNames.create("Prefer");

  private RunRequest() {}

  /** The body's bytes, when it is declared JSON and not larger than {@code maxBodyBytes}; 415 or 413 otherwise. */
  static byte[] body(ServerRequest req, long maxBodyBytes) {
    requireJson(req);
    return read(req, maxBodyBytes);
  }

  /** The body as a JSON object; 400 with the reason otherwise. */
  static Map<String, Object> inputs(byte[] body) {
    if (isBlank(body)) {
      throw new HttpProblem(
          Status.BAD_REQUEST_400, "empty_body", "the body is empty; send the inputs as a JSON object, e.g. {\"message\": \"hello\"}");
    }
    Object value = JsonBody.parse(body);
    if (!(value instanceof Map<?, ?> map)) {
      throw new HttpProblem(
          Status.BAD_REQUEST_400, "not_an_object", "the body must be a JSON object of inputs by field name, not " + kind(value));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> inputs = (Map<String, Object>) map;
    return inputs;
  }

  private static boolean isBlank(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * How long to wait for the outcome: {@code Prefer: respond-async} means not at all;
   * {@code ?wait=SECONDS} or {@code Prefer: wait=SECONDS} within {@code max}; else the default.
   */
  static Duration wait(ServerRequest req, Duration defaultWait, Duration max) {
    Optional<String> prefer = req.headers().first(PREFER).map(p -> p.toLowerCase(Locale.ROOT));
    if (prefer.isPresent() && prefer.get().contains("respond-async")) {
      return Duration.ZERO;
    }
    Optional<String> asked = req.query().first("wait").asOptional().or(() -> prefer.flatMap(RunRequest::preferWait));
    if (asked.isEmpty()) {
      return defaultWait;
    }
    double seconds;
    try {
      seconds = Double.parseDouble(asked.get().trim());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (!(seconds >= 0) || seconds > max.toSeconds()) {
      throw new HttpProblem(
          Status.BAD_REQUEST_400,
          "invalid_wait",
          "wait=\"" + HttpProblem.shorten(asked.get()) + "\" is not a number of seconds from 0 to " + max.toSeconds()
              + " (the server's MAX_WAIT)");
    }
    return Duration.ofMillis(Math.round(seconds * 1000));
  }

  private static Optional<String> preferWait(String prefer) {
    for (String part : prefer.split("[,;]")) {
      String p = part.trim();
      if (p.startsWith("wait=")) {
        return Optional.of(p.substring(5));
      }
    }
    return Optional.empty();
  }

  /** {@code application/json} or {@code ...+json}, in any case, in UTF-8 when a charset is named (RFC 8259). */
  private static void requireJson(ServerRequest req) {
    Optional<HttpMediaType> type = req.headers().contentType();
    String subtype = type.map(t -> t.mediaType().subtype().toLowerCase(Locale.ROOT)).orElse("");
    if (!subtype.equals("json") && !subtype.endsWith("+json")) {
      throw new HttpProblem(
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          "unsupported_media_type",
          "send the inputs as JSON with Content-Type: application/json (got "
              + type.map(t -> "\"" + HttpProblem.shorten(t.text()) + "\"").orElse("no Content-Type") + ")");
    }
    Optional<String> charset = type.flatMap(HttpMediaType::charset);
    if (charset.isPresent() && !charset.get().equalsIgnoreCase("utf-8")) {
      throw new HttpProblem(
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          "unsupported_media_type",
          "send the inputs as UTF-8 JSON (RFC 8259): charset=" + HttpProblem.shorten(charset.get()) + " is not accepted");
    }
  }

  private static byte[] read(ServerRequest req, long maxBodyBytes) {
    if (req.headers().contentLength().orElse(0) > maxBodyBytes) {
      throw tooLarge(maxBodyBytes);
    }
    // with a declared length, read exactly that (reading up to the limit allocates 16 KiB chunks)
    long declared = req.headers().contentLength().orElse(-1);
    int limit = (int) (declared >= 0 ? declared : Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    // not closed after a failure: closing reads the rest of the body, which may never come (the
    // answer closes the connection instead)
    InputStream in = req.content().inputStream();
    try {
      byte[] body = in.readNBytes(limit);
      if (body.length > maxBodyBytes) {
        throw tooLarge(maxBodyBytes);
      }
      in.close();
      return body;
    } catch (HttpProblem e) {
      throw e;
    } catch (RequestException e) {
      throw e.status() == Status.REQUEST_ENTITY_TOO_LARGE_413 ? tooLarge(maxBodyBytes) : unreadable(req);
    } catch (IOException | RuntimeException e) {
      throw unreadable(req);
    }
  }

  /**
   * The body's framing is broken (a chunk size that is not hexadecimal, too large or with a chunk
   * extension, which Helidon 4.5.0 does not accept) or it ended early: 400, and the connection is
   * closed, since where the next request would start is unknown.
   */
  private static HttpProblem unreadable(ServerRequest req) {
    boolean chunked = req.headers().contains(HeaderNames.TRANSFER_ENCODING);
    return HttpProblem.closingConnection(
        Status.BAD_REQUEST_400,
        "malformed_body",
        chunked
            ? "the chunked body is malformed or ended early: each chunk must start with its size in hexadecimal, "
                + "without chunk extensions (\"10;ext=1\"), and the body must end with a zero-size chunk and no trailer fields"
            : "the body ended before its Content-Length of " + req.headers().contentLength().orElse(0) + " bytes");
  }

  /** 413; the connection is closed rather than the rest of the body read. */
  static HttpProblem tooLarge(long maxBodyBytes) {
    return HttpProblem.closingConnection(
        Status.REQUEST_ENTITY_TOO_LARGE_413,
        "body_too_large",
        "the body is larger than " + maxBodyBytes + " bytes; send less, or raise MAX_BODY_BYTES on the server");
  }

  private static String kind(Object value) {
    return switch (value) {
      case null -> "null";
      case java.util.List<?> list -> "an array";
      case String text -> "a string";
      case Number number -> "a number";
      case Boolean bool -> "a boolean";
      default -> value.getClass().getSimpleName();
    };
  }
}
