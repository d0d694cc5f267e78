package io.configurableagents.runtime.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.configurableagents.runtime.jobs.JobJson;
import io.helidon.http.Status;
import java.io.IOException;
import java.util.Optional;

/**
 * A request body read as one JSON value, strictly: UTF-8 only (RFC 8259 section 8.1; Jackson would
 * otherwise guess UTF-16 or UTF-32 from zero bytes or a byte order mark), no duplicate property,
 * nothing after the value. Every problem is a 400 whose message says what is wrong and where,
 * in words of JSON, never of the parser's internals (its class, feature and limit names).
 */
final class JsonBody {
  private static final ObjectReader READER =
      JobJson.MAPPER
          .readerFor(Object.class)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

  private JsonBody() {}

  /** The value of {@code body}; 400 {@code malformed_json} when it is not one UTF-8 JSON value. */
  static Object parse(byte[] body) {
    notUtf8(body).ifPresent(why -> {
      throw malformed("it is not UTF-8 (" + why + "); JSON must be sent as UTF-8 (RFC 8259)");
    });
    try {
      return READER.readValue(body);
    } catch (MismatchedInputException e) {
      // with FAIL_ON_TRAILING_TOKENS, the only mismatch reading into Object is content after the value
      throw malformed("there is more after the JSON value" + where(e.getLocation()) + "; send exactly one JSON object");
    } catch (JsonProcessingException e) {
      throw malformed(SafeText.of(e.getOriginalMessage()).orElse("it cannot be parsed") + where(e.getLocation()));
    } catch (IOException e) {
      throw malformed("it is not UTF-8 JSON");
    }
  }

  /**
   * Why the start of {@code body} is not UTF-8: a UTF-16 or UTF-32 byte order mark, or a zero
   * byte among the first four (which no UTF-8 JSON text has: JSON has no raw control characters).
   */
  private static Optional<String> notUtf8(byte[] body) {
    if (body.length >= 2) {
      int first = body[0] & 0xFF;
      int second = body[1] & 0xFF;
      if (first == 0xFE && second == 0xFF || first == 0xFF && second == 0xFE) {
        return Optional.of("it starts with a UTF-16 or UTF-32 byte order mark");
      }
    }
    for (int i = 0; i < Math.min(4, body.length); i++) {
      if (body[i] == 0) {
        return Optional.of("a zero byte at offset " + i + ", as in UTF-16 or UTF-32");
      }
    }
    return Optional.empty();
  }

  private static HttpProblem malformed(String why) {
    return new HttpProblem(Status.BAD_REQUEST_400, "malformed_json", "the body is not valid JSON: " + why);
  }

  private static String where(JsonLocation at) {
    return at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }
}
