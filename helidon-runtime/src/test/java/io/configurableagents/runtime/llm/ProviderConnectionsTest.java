package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.ClientUri;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MAX_PROVIDER_CONNECTIONS: runs in flight never hold more provider connections than the cap. */
class ProviderConnectionsTest {
  private FakeProviderServer fake;
  private FakeProviderServer other;

  @BeforeEach
  void setUp() {
    fake = FakeProviderServer.start();
    other = FakeProviderServer.start();
  }

  @AfterEach
  void tearDown() {
    fake.close();
    other.close();
  }

  @Test
  void callsBeyondTheCapWaitForAConnectionAndAllSucceed() throws Exception {
    fake.replyByDefault(FakeReply.delayed(Duration.ofMillis(200), FakeReply.conforming()));
    LlmClientOptions options = LlmClientOptions.DEFAULT.withMaxConnections(8);
    try (LlmClients clients = LlmClients.create(Environment.of(Map.of("OPENAI_API_KEY", "sk-test")), options)) {
      LlmClient client =
          clients.clientFor(new LlmSpec(Optional.of(Provider.OPENAI), Optional.empty(), Optional.empty(), Optional.empty(),
              Optional.of(fake.openAiBaseUrl())));
      List<Future<LlmResponse>> calls = new ArrayList<>();
      try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int i = 0; i < 40; i++) {
          calls.add(threads.submit(() -> client.complete(TestSchemas.reviewRequest("Rate the food"))));
        }
      }
      assertThat(calls).allSatisfy(call -> assertThat(call.state()).isEqualTo(Future.State.SUCCESS));
      assertThat(fake.requestCount()).isEqualTo(40);
      assertThat(fake.mostRequestsAtOnce()).isBetween(2, 8);
    }
  }

  @Test
  void anExchangeThatFindsEveryConnectionBusyForTheLongestWaitFailsNamingTheVariable() throws Exception {
    try (ProviderConnections connections = ProviderConnections.open(Duration.ofSeconds(2), 1, Duration.ofMillis(300))) {
      ClientConnection held = connections.obtain(uri(fake));

      assertThatThrownBy(() -> connections.obtain(uri(fake)))
          .isInstanceOf(ConnectionsBusyException.class)
          .hasMessage("all 1 connections to providers (MAX_PROVIDER_CONNECTIONS) stayed in use for 300 ms; raise "
              + "MAX_PROVIDER_CONNECTIONS (and the descriptor limit) or cap the runs with MAX_RUNS_IN_FLIGHT");

      held.closeResource();
      connections.obtain(uri(fake)).closeResource();
    }
  }

  @Test
  void anIdleConnectionGivesItsPlaceToAnExchangeWithAnotherProvider() throws Exception {
    try (ProviderConnections connections = ProviderConnections.open(Duration.ofSeconds(2), 1, Duration.ofMillis(300))) {
      ClientConnection first = connections.obtain(uri(fake));
      first.releaseResource(); // kept idle for the next exchange with the same provider

      ClientConnection second = connections.obtain(uri(other));

      assertThat(second.isConnected()).isTrue();
      // a closed connection reads as closed once Helidon's idle reader notices (on its own thread)
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (first.isConnected() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(first.isConnected()).as("the idle connection was closed for the new one").isFalse();
      second.closeResource();
    }
  }

  private static ClientUri uri(FakeProviderServer server) {
    return ClientUri.create(URI.create(server.openAiBaseUrl()));
  }
}
