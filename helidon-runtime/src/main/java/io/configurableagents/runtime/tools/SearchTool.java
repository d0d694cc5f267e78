package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.SearchService;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code serper_search} and {@code web_search}: a web search through Serper ({@code POST
 * /search}, key {@code SERPER_API_KEY} in {@code X-API-KEY}) or Tavily ({@code POST /search}, key
 * {@code TAVILY_API_KEY} as a bearer token). The result is {@code {provider, results: [{title, url,
 * snippet}]}}, a Serper answer box first.
 */
final class SearchTool implements Tool {
  private static final int MAX_BYTES = 2_000_000;

  private final ToolDefinition definition;
  private final SearchService provider;
  private final int defaultResults;
  private final ToolSettings settings;
  private final ToolHttp http;
  private final Duration timeout;

  SearchTool(String name, SearchService provider, int defaultResults, ToolSettings settings, ToolHttp http, Duration timeout) {
    this.provider = provider;
    this.defaultResults = defaultResults;
    this.settings = settings;
    this.http = http;
    this.timeout = timeout;
    this.definition = new ToolDefinition(
        name,
        "Searches the web and returns the top results (title, url, snippet). Use it for facts you do not know or that may have changed.",
        Inputs.schema(new String[][] {
            {"query", "string", "what to search for"},
            {"num_results", "integer", "how many results (1 to 20, default " + defaultResults + ")"}},
            "query"));
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    String query = Inputs.text(input, "query");
    if (query.isBlank()) {
      throw ToolException.badInput("\"query\" is empty");
    }
    int count = Inputs.integer(input, "num_results", defaultResults, 1, 20);
    String key = settings.variable(provider.keyVariable())
        .orElseThrow(() -> ToolException.failed(provider.keyVariable() + " is not set; set it in the environment of the runtime"));
    return switch (provider) {
      case SERPER -> serper(query, count, key);
      case TAVILY -> tavily(query, count, key);
    };
  }

  private String serper(String query, int count, String key) throws ToolException {
    ObjectNode body = Inputs.JSON.createObjectNode().put("q", query).put("num", count);
    JsonNode answer = post(settings.baseUrl(provider) + "/search", Map.of("X-API-KEY", key, "Content-Type", "application/json"), body);
    ArrayNode results = Inputs.JSON.createArrayNode();
    JsonNode box = answer.path("answerBox");
    if (box.isObject()) {
      results.addObject().put("title", box.path("title").asText("Answer"))
          .put("url", box.path("link").asText(""))
          .put("snippet", box.path("answer").asText(box.path("snippet").asText("")));
    }
    for (JsonNode r : answer.path("organic")) {
      if (results.size() >= count) {
        break;
      }
      results.addObject().put("title", r.path("title").asText("")).put("url", r.path("link").asText(""))
          .put("snippet", r.path("snippet").asText(""));
    }
    return result(results);
  }

  private String tavily(String query, int count, String key) throws ToolException {
    ObjectNode body = Inputs.JSON.createObjectNode().put("query", query).put("max_results", count);
    JsonNode answer = post(settings.baseUrl(provider) + "/search",
        Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"), body);
    ArrayNode results = Inputs.JSON.createArrayNode();
    for (JsonNode r : answer.path("results")) {
      results.addObject().put("title", r.path("title").asText("")).put("url", r.path("url").asText(""))
          .put("snippet", r.path("content").asText(""));
    }
    return result(results);
  }

  private String result(ArrayNode results) {
    ObjectNode out = Inputs.JSON.createObjectNode().put("provider", provider.id());
    out.set("results", results);
    return out.toString();
  }

  private JsonNode post(String url, Map<String, String> headers, ObjectNode body) throws ToolException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw ToolException.failed("the " + provider.id() + " base URL is not a URL: " + url);
    }
    ToolHttp.Response response = http.send("POST", uri, headers, Optional.of(body.toString()), MAX_BYTES, timeout);
    if (response.status() / 100 != 2) {
      throw ToolException.failed(provider.id() + " answered HTTP " + response.status() + ": " + abbreviate(response.body())
          + (response.status() == 401 || response.status() == 403 ? "; check " + provider.keyVariable() : ""));
    }
    try {
      return Inputs.JSON.readTree(response.body());
    } catch (IOException e) {
      throw ToolException.failed(provider.id() + " answered something that is not JSON");
    }
  }

  private static String abbreviate(String text) {
    String t = text.strip();
    return t.length() <= 300 ? t : t.substring(0, 300) + "...";
  }
}
