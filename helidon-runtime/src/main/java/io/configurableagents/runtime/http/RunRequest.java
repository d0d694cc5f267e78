package io.configurableagents.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.configurableagents.runtime.jobs.JobJson;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reading a {@code POST /run} request: the inputs and how long the caller will wait. */
final class RunRequest {
  private static final HeaderName PREFER = HeaderNames.create("Prefer");

  private RunRequest() {}

  /** The body as a JSON object; 415, 413 or 400 with the reason otherwise. */
  static Map<String, Object> inputs(ServerRequest req, long maxBodyBytes) {
    requireJson(req);
    byte[] body = read(req, maxBodyBytes);
    if (isBlank(body)) {
      throw new HttpProblem(
          Status.BAD_REQUEST_400, "empty_body", "the body is empty; send the inputs as a JSON object, e.g. {\"message\": \"hello\"}");
    }
    Object value;
    try {
      value = JobJson.MAPPER.readValue(body, Object.class);
    } catch (JsonProcessingException e) {
      throw new HttpProblem(Status.BAD_REQUEST_400, "malformed_json", "the body is not valid JSON: " + describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static void requireJson(ServerRequest req) {
    Optional<HttpMediaType> type = req.headers().contentType();
    boolean json =
        type.isPresent()
            && (type.get().mediaType().subtype().equals("json") || type.get().mediaType().subtype().endsWith("+json"));
    if (!json) {
      throw new HttpProblem(
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          "unsupported_media_type",
          "send the inputs as JSON with Content-Type: application/json (got "
              + type.map(t -> "\"" + t.text() + "\"").orElse("no Content-Type") + ")");
    }
  }

  private static byte[] read(ServerRequest req, long maxBodyBytes) {
    if (req.headers().contentLength().orElse(0) > maxBodyBytes) {
      throw tooLarge(maxBodyBytes);
    }
    // with a declared length, read exactly that (reading up to the limit allocates 16 KiB chunks)
    long declared = req.headers().contentLength().orElse(-1);
    int limit = (int) (declared >= 0 ? declared : Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    try (InputStream in = req.content().inputStream()) {
      byte[] body = in.readNBytes(limit);
      if (body.length > maxBodyBytes) {
        throw tooLarge(maxBodyBytes);
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpProblem tooLarge(long maxBodyBytes) {
    return new HttpProblem(
        Status.REQUEST_ENTITY_TOO_LARGE_413,
        "body_too_large",
        "the body is larger than " + maxBodyBytes + " bytes; send less, or raise MAX_BODY_BYTES on the server");
  }

  private static String describe(JsonProcessingException e) {
    var at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String first = e.getOriginalMessage().lines().findFirst().orElse("");
    return (first.length() > 160 ? first.substring(0, 160) + "..." : first) + where;
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
