package io.configurableagents.runtime.llm;

import java.net.URI;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Creates one {@link LlmClient} per distinct effective settings (provider, model, temperature,
 * max tokens, base URL) and reuses it for every node and run that has them. Thread-safe; create
 * one per process. All clients share one HTTP/1.1 client and its pool of kept-alive connections.
 */
public final class LlmClients implements AutoCloseable {
  private final Environment environment;
  private final SecretRedactor redactor;
  private final StructuredChats chats;
  private final Clock clock;
  private final LlmClientOptions options;
  /** Made with the first client, not at start: building it sets up TLS, a good part of a second on a busy machine. */
  private ProviderConnections shared;
  private final ConcurrentMap<ClientSettings, LlmClient> clients = new ConcurrentHashMap<>();

  private LlmClients(Environment environment, LlmClientOptions options, Clock clock) {
    this.environment = environment;
    this.redactor = SecretRedactor.forProviderKeys(environment);
    this.clock = clock;
    this.options = options;
    this.chats =
        new StructuredChats(() -> new ProviderHttpClientBuilder(shared(), options.requestTimeout(), options.maxAnswerBytes()), options.requestTimeout());
  }

  /** Clients whose API keys come from {@code environment}. */
  public static LlmClients create(Environment environment, LlmClientOptions options) {
    return new LlmClients(
        Objects.requireNonNull(environment, "environment"), Objects.requireNonNull(options, "options"), Clock.systemUTC());
  }

  /**
   * The client for a node's effective settings ({@code Workflow.llmFor(node)}), created on first
   * use.
   *
   * @throws MissingEnvironmentException when the provider's API key variable is unset or blank
   */
  /**
   * The URL the client of a node's effective {@code llm} sends to ({@code api_base}, else the
   * provider's own); throws like {@link #clientFor} when {@code api_base} is not an HTTP URL.
   */
  public static URI baseUrl(LlmSpec effective) {
    return URI.create(ClientSettings.from(effective).baseUrl());
  }

  public LlmClient clientFor(LlmSpec effective) {
    ClientSettings settings = ClientSettings.from(Objects.requireNonNull(effective, "effective"));
    return clients.computeIfAbsent(settings, this::create);
  }

  /** Where the clients' API keys come from. */
  public Environment environment() {
    return environment;
  }

  /** How many distinct clients exist (for readiness and tests). */
  public int size() {
    return clients.size();
  }

  /** Closes the shared HTTP client's idle connections. For process shutdown and tests. */
  @Override
  public void close() {
    ProviderConnections connections;
    synchronized (this) {
      connections = shared;
    }
    if (connections != null) {
      connections.close();
    }
  }

  private synchronized ProviderConnections shared() {
    if (shared == null) {
      shared = ProviderConnections.open(options.connectTimeout(), options.maxConnections(), options.requestTimeout());
    }
    return shared;
  }

  private LlmClient create(ClientSettings settings) {
    Provider provider = settings.target().provider();
    Optional<String> apiKey = provider.apiKeyVariable().map(this::requireKey);
    ProviderErrors errors = new ProviderErrors(settings.target(), redactor, clock);
    return new LangChain4jLlmClient(settings.target(), chats.create(settings, apiKey), errors);
  }

  private String requireKey(String variable) {
    return environment
        .variable(variable)
        .map(String::strip)
        .orElseThrow(() -> MissingEnvironmentException.of(List.of(variable)));
  }
}
