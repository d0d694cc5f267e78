package io.configurableagents.runtime.llm.fake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** What a {@link FakeProviderServer} does with one request. Scripted per request, in order. */
public sealed interface FakeReply {

  /** An answer built from the requested schema ({@link SchemaExamples}). */
  static FakeReply conforming() {
    return new Conforming();
  }

  /** This JSON as the answer (valid, or deliberately mistyped: the server does not check it). */
  static FakeReply answer(String json) {
    try {
      return new Answer(WireFormat.JSON.readTree(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("not JSON; use FakeReply.text for malformed answers", e);
    }
  }

  /** This text as the model's answer, verbatim (malformed JSON, prose...). */
  static FakeReply text(String text) {
    return new Text(text);
  }

  /** An HTTP error with a body shaped as the provider shapes its errors. */
  static FakeReply error(int status, String providerMessage) {
    return new Error(status, Map.of(), providerMessage);
  }

  /** HTTP 429 with {@code Retry-After} (seconds, or an HTTP date). */
  static FakeReply rateLimited(String retryAfter) {
    return new Error(429, Map.of("Retry-After", retryAfter), "Rate limit reached. Please retry later.");
  }

  /** HTTP 429 without {@code Retry-After}. */
  static FakeReply rateLimited() {
    return new Error(429, Map.of(), "Rate limit reached. Please retry later.");
  }

  static FakeReply serverError() {
    return new Error(500, Map.of(), "The server had an error while processing your request.");
  }

  static FakeReply unauthorized(String providerMessage) {
    return new Error(401, Map.of(), providerMessage);
  }

  /** Reads the request and closes the connection without a word (a provider restarting, a proxy timing out). */
  static FakeReply hangUp() {
    return new HangUp();
  }

  /**
   * A 200 answer of {@code bytes} bytes (a JSON object with one long string), with its length
   * declared or sent in chunks of 64 KiB.
   */
  static FakeReply oversized(long bytes, boolean declaredLength) {
    return new Oversized(bytes, declaredLength);
  }

  /** Answers nothing for {@code duration} (then a conforming answer, if anyone still listens). */
  static FakeReply stall(Duration duration) {
    return new Delayed(duration, new Conforming());
  }

  /** {@code then}, after {@code delay}. */
  static FakeReply delayed(Duration delay, FakeReply then) {
    return new Delayed(delay, then);
  }

  /** What {@code reply} makes of the request: per-node answers, for example ({@link RecordedRequest#outputName}). */
  static FakeReply computed(java.util.function.Function<RecordedRequest, FakeReply> reply) {
    return new Computed(reply);
  }

  /**
   * The model asks for tool calls, in the provider's wire format (OpenAI {@code tool_calls},
   * Anthropic {@code tool_use} blocks, Gemini {@code functionCall} parts).
   */
  static FakeReply toolCalls(Call... calls) {
    return new ToolCalls(java.util.List.of(calls));
  }

  /** One tool call: the tool's name and its arguments as a JSON object text. */
  static Call call(String name, String argumentsJson) {
    try {
      return new Call(name, WireFormat.JSON.readTree(argumentsJson));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("tool arguments must be JSON", e);
    }
  }

  record Call(String name, JsonNode arguments) {}

  record ToolCalls(java.util.List<Call> calls) implements FakeReply {
    public ToolCalls {
      calls = java.util.List.copyOf(calls);
    }
  }

  record Conforming() implements FakeReply {}

  record HangUp() implements FakeReply {}

  record Oversized(long bytes, boolean declaredLength) implements FakeReply {}

  record Computed(java.util.function.Function<RecordedRequest, FakeReply> reply) implements FakeReply {
    public Computed {
      Objects.requireNonNull(reply, "reply");
    }
  }

  record Answer(JsonNode json) implements FakeReply {
    public Answer {
      Objects.requireNonNull(json, "json");
    }
  }

  record Text(String text) implements FakeReply {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  record Error(int status, Map<String, String> headers, String providerMessage) implements FakeReply {
    public Error {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(providerMessage, "providerMessage");
    }
  }

  record Delayed(Duration delay, FakeReply then) implements FakeReply {
    public Delayed {
      Objects.requireNonNull(delay, "delay");
      Objects.requireNonNull(then, "then");
    }
  }
}
