package io.configurableagents.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.jobs.JobJson;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/** Writing JSON answers. */
public final class Json {
  private Json() {}

  static ObjectNode object() {
    return JobJson.MAPPER.createObjectNode();
  }

  static void send(ServerResponse res, Status status, JsonNode body) {
    byte[] bytes = bytes(body);
    res.status(status);
    res.header(HeaderNames.CONTENT_TYPE, HttpMediaTypes.JSON_UTF_8.text());
    res.send(bytes);
  }

  static byte[] bytes(JsonNode body) {
    try {
      return JobJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the answer as JSON", e);
    }
  }

  /**
   * The API's error body, {@code {"status": "error", "error": {"type", "message"}}}: its status
   * tells it from a failed run's {@code {"status": "failed", "job_id", "error"}}.
   */
  public static ObjectNode error(String type, String message) {
    ObjectNode body = object();
    body.put("status", "error");
    ObjectNode error = body.putObject("error");
    error.put("type", type);
    error.put("message", message);
    return body;
  }
}
