package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;

/**
 * {@code web_scrape} (a page's readable text, parsed with jsoup) and {@code http_client} (GET,
 * POST, PUT, DELETE, PATCH with headers and a body). Both go through {@link ToolHttp}: public
 * addresses only unless {@code ALLOWED_HOSTS} lists the host, every redirect checked.
 */
final class WebTool implements Tool {
  static final int MAX_BYTES = 5_000_000;
  static final int MAX_CONTENT = 10_000;
  static final int MAX_SELECTED = 5_000;
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

  private final boolean scrape;
  private final ToolDefinition definition;
  private final ToolHttp http;
  private final Duration timeout;

  private WebTool(boolean scrape, ToolDefinition definition, ToolHttp http, Duration timeout) {
    this.scrape = scrape;
    this.definition = definition;
    this.http = http;
    this.timeout = timeout;
  }

  static WebTool scrape(ToolHttp http, Duration timeout) {
    return new WebTool(true, new ToolDefinition("web_scrape",
        "Fetches a web page and returns its title and readable text (at most " + MAX_CONTENT
            + " characters); with a CSS selector, also the text of the matching elements.",
        Inputs.schema(new String[][] {
            {"url", "string", "the page's http(s) URL"},
            {"selector", "string", "a CSS selector, e.g. article or h2.title (optional)"}}, "url")), http, timeout);
  }

  static WebTool client(ToolHttp http, Duration timeout) {
    return new WebTool(false, new ToolDefinition("http_client",
        "Makes an HTTP request (GET, POST, PUT, DELETE, PATCH) and returns the status, headers and body (JSON when the body is JSON).",
        Inputs.schema(new String[][] {
            {"url", "string", "the http(s) URL"},
            {"method", "string", "GET (default), POST, PUT, DELETE or PATCH"},
            {"headers", "object", "request headers, name to value"},
            {"body", "", "the request body: text, or any JSON value (sent as JSON)"}}, "url")), http, timeout);
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    URI uri = uri(Inputs.text(input, "url"));
    return scrape ? scrape(uri, Inputs.optionalText(input, "selector")) : request(uri, input);
  }

  private String scrape(URI uri, Optional<String> selector) throws ToolException {
    ToolHttp.Response response = http.send("GET", uri, Map.of("Accept", "text/html,*/*;q=0.5", "User-Agent", "configurable-agents"),
        Optional.empty(), MAX_BYTES, timeout);
    if (response.status() / 100 != 2) {
      throw ToolException.failed(uri + " answered HTTP " + response.status());
    }
    Document page = Jsoup.parse(response.body(), response.uri().toString());
    page.select("script, style, noscript, template").remove();
    String text = page.body() == null ? "" : page.body().text();
    ObjectNode out = Inputs.JSON.createObjectNode().put("url", response.uri().toString()).put("title", page.title());
    out.put("content", cut(text, MAX_CONTENT));
    if (text.length() > MAX_CONTENT) {
      out.put("content_chars", text.length());
    }
    if (selector.isPresent()) {
      Elements selected;
      try {
        selected = page.select(selector.get());
      } catch (RuntimeException e) {
        throw ToolException.badInput("not a CSS selector: " + selector.get());
      }
      out.put("extracted_text", cut(selected.text(), MAX_SELECTED));
    }
    return out.toString();
  }

  private String request(URI uri, ObjectNode input) throws ToolException {
    String method = Inputs.optionalText(input, "method").orElse("GET").toUpperCase(Locale.ROOT);
    if (!METHODS.contains(method)) {
      throw ToolException.badInput("method must be one of " + String.join(", ", METHODS) + ", not " + method);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    JsonNode given = input.path("headers");
    if (given.isObject()) {
      for (Map.Entry<String, JsonNode> h : given.properties()) {
        headers.put(h.getKey(), h.getValue().asText());
      }
    }
    JsonNode bodyNode = input.get("body");
    Optional<String> body = Optional.empty();
    if (bodyNode != null && !bodyNode.isNull()) {
      body = Optional.of(bodyNode.isTextual() ? bodyNode.asText() : bodyNode.toString());
      if (!bodyNode.isTextual() && headers.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Content-Type"))) {
        headers.put("Content-Type", "application/json");
      }
    }
    ToolHttp.Response response = http.send(method, uri, headers, body, MAX_BYTES, timeout);
    ObjectNode out = Inputs.JSON.createObjectNode().put("status_code", response.status());
    ObjectNode outHeaders = out.putObject("headers");
    response.headers().forEach((name, values) -> {
      if (!name.startsWith(":")) {
        outHeaders.put(name, String.join(", ", values));
      }
    });
    boolean json = response.header("Content-Type").orElse("").toLowerCase(Locale.ROOT).contains("json");
    JsonNode parsed = null;
    if (json) {
      try {
        parsed = Inputs.JSON.readTree(response.body());
      } catch (java.io.IOException e) {
        parsed = null;
      }
    }
    if (parsed != null) {
      out.set("body", parsed);
    } else {
      out.put("body", cut(response.body(), MAX_CONTENT));
    }
    return out.toString();
  }

  private static URI uri(String text) throws ToolException {
    try {
      return new URI(text.strip());
    } catch (java.net.URISyntaxException e) {
      throw ToolException.badInput("not a URL: " + text);
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
