package io.configurableagents.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks a runtime over HTTP how it is: {@code GET /health} (the server answers) and its readiness
 * check {@code GET /observe/health/ready} (503 with the reason, e.g. a missing provider key).
 */
final class RuntimeProbe {
  static final String HEALTH = "/health";
  static final String READY = "/observe/health/ready";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** Whether {@code GET /health} of the API at {@code api} answers 200. */
  boolean healthy(URI api) {
    HttpRequest request = HttpRequest.newBuilder(api.resolve(HEALTH)).timeout(Duration.ofSeconds(2)).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeployException.environment("interrupted while asking " + api.resolve(HEALTH), e);
    }
  }

  /**
   * Why the runtime is not ready, from its readiness check; empty when it is ready or has no such
   * check (or does not answer it).
   */
  Optional<String> notReadyReason(URI api) {
    HttpRequest request = HttpRequest.newBuilder(api.resolve(READY)).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 503 ? Optional.of(reason(response.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The first {@code reason} in Helidon's health answer ({@code {"status":"DOWN","checks":[{..., "data":{"reason":...}}]}}). */
  static String reason(String body) {
    try {
      JsonNode reason = JSON.readTree(body).findValue("reason");
      if (reason != null && reason.isTextual() && !reason.asText().isBlank()) {
        return reason.asText();
      }
    } catch (JsonProcessingException e) {
      // not JSON: no reason to give
    }
    return "the readiness check is DOWN";
  }
}
