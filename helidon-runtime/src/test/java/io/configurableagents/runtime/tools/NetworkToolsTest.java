package io.configurableagents.runtime.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * serper_search, web_search (Serper and Tavily), web_scrape and http_client against fake servers
 * on loopback, and the server-side request forgery rules: loopback, link-local and private
 * addresses refused unless ALLOWED_HOSTS lists them, by name, after DNS and after redirects.
 */
class NetworkToolsTest {
  private FakeWebServer web;
  private FakeWebServer other;

  @BeforeEach
  void start() {
    web = FakeWebServer.start()
        .results(List.<String[]>of(new String[] {"Otters", "https://example.org/otters", "They hold hands."}))
        .page("/article", "<html><head><title>Sea otters</title><script>var x = 'no';</script></head>"
            + "<body><h1>Sea otters</h1><p class=lead>They hold hands while they sleep.</p></body></html>");
    other = FakeWebServer.start().page("/inside", "<html><body>internal admin page</body></html>");
  }

  @AfterEach
  void stop() {
    web.close();
    other.close();
  }

  private ToolFixture tools(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SERPER_API_KEY", "serper-key-123456", "TAVILY_API_KEY", "tavily-key-123456",
        "SERPER_BASE_URL", web.baseUrl(), "TAVILY_BASE_URL", web.baseUrl(), "ALLOWED_HOSTS", web.hostAndPort()));
    env.putAll(extra);
    return new ToolFixture(env, Path.of("target/unused"));
  }

  @Test
  void serperSearchSendsTheQueryAndKeyAndReturnsTheResults() throws Exception {
    JsonNode result = tools(Map.of()).call("serper_search", ToolFixture.input("query", "otters"));
    assertThat(result.path("provider").asText()).isEqualTo("serper");
    assertThat(result.path("results").get(0).path("snippet").asText()).isEqualTo("They hold hands.");
    FakeWebServer.Received sent = web.requestsTo("/search").get(0);
    assertThat(sent.header("X-API-KEY")).isEqualTo("serper-key-123456");
    assertThat(FakeWebServer.json(sent).path("q").asText()).isEqualTo("otters");
    assertThat(FakeWebServer.json(sent).path("num").asInt()).isEqualTo(10);
  }

  @Test
  void webSearchUsesTavilyWhenTheEnvironmentOrTheConfigSaysSo() throws Exception {
    JsonNode byEnv = tools(Map.of("WEB_SEARCH_PROVIDER", "tavily")).call("web_search", ToolFixture.input("query", "otters", "num_results", 3));
    assertThat(byEnv.path("provider").asText()).isEqualTo("tavily");
    assertThat(byEnv.path("results").get(0).path("url").asText()).isEqualTo("https://example.org/otters");
    FakeWebServer.Received sent = web.requestsTo("/search").get(0);
    assertThat(sent.header("Authorization")).isEqualTo("Bearer tavily-key-123456");
    assertThat(FakeWebServer.json(sent).path("max_results").asInt()).isEqualTo(3);

    JsonNode byConfig = tools(Map.of()).call("web_search", Map.of("provider", "tavily"), ToolFixture.input("query", "otters"));
    assertThat(byConfig.path("provider").asText()).isEqualTo("tavily");
    assertThat(tools(Map.of()).call("web_search", ToolFixture.input("query", "otters")).path("provider").asText()).isEqualTo("serper");
  }

  @Test
  void aSearchServiceErrorIsAToolFailureNamingTheKeyToCheck() {
    web.searchStatus(401);
    assertThatThrownBy(() -> tools(Map.of()).call("serper_search", ToolFixture.input("query", "otters")))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.FAILED))
        .hasMessageContaining("serper answered HTTP 401")
        .hasMessageEndingWith("; check SERPER_API_KEY");
  }

  @Test
  void webScrapeReturnsThePagesReadableText() throws Exception {
    JsonNode page = tools(Map.of()).call("web_scrape", ToolFixture.input("url", web.baseUrl() + "/article", "selector", "p.lead"));
    assertThat(page.path("title").asText()).isEqualTo("Sea otters");
    assertThat(page.path("content").asText()).isEqualTo("Sea otters They hold hands while they sleep.");
    assertThat(page.path("extracted_text").asText()).isEqualTo("They hold hands while they sleep.");
  }

  @Test
  void httpClientSendsMethodHeadersAndJsonBody() throws Exception {
    JsonNode answer = tools(Map.of()).call("http_client", ToolFixture.input(
        "url", web.baseUrl() + "/api/items", "method", "post", "headers", Map.of("X-Test", "yes"), "body", Map.of("a", 1)));
    assertThat(answer.path("status_code").asInt()).isEqualTo(200);
    assertThat(answer.path("body").path("method").asText()).isEqualTo("POST");
    assertThat(answer.path("body").path("body").asText()).isEqualTo("{\"a\":1}");
    assertThat(answer.path("body").path("x_test").asText()).isEqualTo("yes");
    assertThat(answer.path("headers").path("x-fake").asText()).isEqualTo("yes");
  }

  @Test
  void loopbackPrivateAndLinkLocalAddressesAreRefusedUnlessListed() {
    ToolFixture t = tools(Map.of("ALLOWED_HOSTS", ""));
    for (String url : List.of(web.baseUrl() + "/article", "http://localhost:" + web.port() + "/article",
        "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/", "http://[::1]:" + web.port() + "/")) {
      assertThatThrownBy(() -> t.call("web_scrape", ToolFixture.input("url", url)))
          .as(url)
          .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.REFUSED))
          .hasMessageContaining("a loopback, link-local or private address; if the workflow really needs it, list");
    }
    assertThat(web.requests()).isEmpty();
    assertThatThrownBy(() -> t.call("serper_search", ToolFixture.input("query", "x")))
        .hasMessageStartingWith("refused to connect to 127.0.0.1");
    assertThatThrownBy(() -> t.call("http_client", ToolFixture.input("url", "file:///etc/passwd")))
        .hasMessage("only http and https URLs are allowed, not file:");
  }

  @Test
  void aNameThatResolvesToLoopbackIsRefusedAfterDnsAndTheMessageSaysWhatToList() {
    assertThatThrownBy(() -> tools(Map.of()).call("web_scrape", ToolFixture.input("url", "http://localhost:" + other.port() + "/inside")))
        .hasMessage("refused to connect to localhost (127.0.0.1): a loopback, link-local or private address; if the"
            + " workflow really needs it, list localhost:" + other.port() + " in the ALLOWED_HOSTS environment variable");
    assertThat(other.requests()).isEmpty();
  }

  @Test
  void aRedirectToAnAddressNotListedIsRefused() {
    String target = other.baseUrl() + "/inside";
    assertThatThrownBy(() -> tools(Map.of()).call("web_scrape", ToolFixture.input("url", web.baseUrl() + "/redirect?to=" + target)))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.REFUSED))
        .hasMessageStartingWith("refused to connect to 127.0.0.1");
    assertThat(web.requestsTo("/redirect")).hasSize(1);
    assertThat(other.requests()).isEmpty();
  }

  @Test
  void aRedirectToAListedHostIsFollowed() throws Exception {
    String target = other.baseUrl() + "/inside";
    JsonNode page = tools(Map.of("ALLOWED_HOSTS", web.hostAndPort() + "," + other.hostAndPort()))
        .call("web_scrape", ToolFixture.input("url", web.baseUrl() + "/redirect?to=" + target));
    assertThat(page.path("content").asText()).isEqualTo("internal admin page");
    assertThat(page.path("url").asText()).isEqualTo(target);
  }
}
