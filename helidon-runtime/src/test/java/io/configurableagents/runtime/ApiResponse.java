package io.configurableagents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import io.helidon.http.HeaderNames;
import io.helidon.webclient.api.HttpClientResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** What a test sees of an answer: status, a few headers, the body as text and as JSON. */
record ApiResponse(int status, Optional<String> contentType, Optional<String> location, String body) {

  static ApiResponse of(HttpClientResponse response) {
    try (response) {
      return new ApiResponse(
          response.status().code(),
          response.headers().first(HeaderNames.CONTENT_TYPE),
          response.headers().first(HeaderNames.LOCATION),
          response.as(String.class));
    }
  }

  JsonNode json() {
    try {
      return JobJson.MAPPER.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + body, e);
    }
  }
}
