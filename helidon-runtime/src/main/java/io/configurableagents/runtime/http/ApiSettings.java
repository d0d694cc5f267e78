package io.configurableagents.runtime.http;

import io.configurableagents.runtime.RuntimeConfig;
import java.time.Duration;

/**
 * What the HTTP layer takes from the runtime's configuration.
 *
 * @param syncTimeout how long {@code POST /run} waits by default
 * @param maxWait the largest wait a caller may ask for
 * @param maxBodyBytes the largest body accepted
 * @param maxInputBytesInFlight the bodies that unfinished runs may hold together
 * @param access the API keys and the limits per caller
 */
public record ApiSettings(
    Duration syncTimeout, Duration maxWait, long maxBodyBytes, long maxInputBytesInFlight, AccessSettings access) {
  public static ApiSettings of(RuntimeConfig config) {
    return new ApiSettings(
        config.syncTimeout(), config.maxWait(), config.maxBodyBytes(), config.maxInputBytesInFlight(), config.access());
  }
}
