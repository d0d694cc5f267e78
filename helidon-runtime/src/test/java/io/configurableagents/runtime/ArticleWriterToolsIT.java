package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import io.configurableagents.runtime.llm.fake.FakeProviderServer;
import io.configurableagents.runtime.llm.fake.FakeReply;
import io.configurableagents.runtime.llm.fake.RecordedRequest;
import io.configurableagents.runtime.tools.FakeWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code article_writer.yaml} of the conformance corpus, run by the packaged jar over HTTP: the
 * fake Gemini model of its research node asks for {@code serper_search}, the runtime calls a fake
 * Serper on loopback, and the model answers from the result; the write node writes from that.
 * The trace (its JSON, and the traces page in a headless Chromium) shows the tool call between the
 * research node's two LLM turns.
 */
class ArticleWriterToolsIT {
  private static final Path CORPUS =
      Path.of(System.getProperty("conformance.dir", "../../shared/conformance")).toAbsolutePath().normalize();
  private static final String SNIPPET = "Matcha is stone-ground green tea from Uji.";

  @TempDir Path dir;
  private FakeProviderServer model;
  private FakeWebServer serper;
  private ServerProcess server;
  private int tracesPort;

  @BeforeEach
  void start() throws Exception {
    model = FakeProviderServer.start();
    serper = FakeWebServer.start().results(List.<String[]>of(new String[] {"Matcha", "https://example.org/matcha", SNIPPET}));
    model.replyByDefault(FakeReply.computed(ArticleWriterToolsIT::answer));
    String original = Files.readString(CORPUS.resolve("reference/article_writer.yaml"));
    String pointed = original.replace("    model: \"gemini-2.5-flash-lite\"\n",
        "    model: \"gemini-2.5-flash-lite\"\n    api_base: \"" + model.baseUrl() + "\"\n");
    assertThat(pointed).isNotEqualTo(original);
    Path workflow = Files.writeString(dir.resolve("article_writer.yaml"), pointed);
    tracesPort = freePort();
    Map<String, String> env = new HashMap<>();
    env.put("WORKFLOW_FILE", workflow.toString());
    env.put("DATA_DIR", dir.resolve("data").toString());
    env.put("PORT", "0");
    env.put("TRACES_PORT", String.valueOf(tracesPort));
    env.put("GOOGLE_API_KEY", "AIza-test-not-a-real-key");
    env.put("SERPER_API_KEY", "serper-test-not-a-real-key");
    env.put("SERPER_BASE_URL", serper.baseUrl());
    env.put("ALLOWED_HOSTS", serper.hostAndPort());
    server = ServerProcess.start(env, dir.resolve("server.log"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    serper.close();
    model.close();
  }

  /** research: search first, then answer from what the search returned; write: an article from the research. */
  private static FakeReply answer(RecordedRequest request) {
    String node = request.node().orElseThrow();
    if (node.equals("research")) {
      if (request.toolResults().isEmpty()) {
        return FakeReply.toolCalls(FakeReply.call("serper_search", "{\"query\": \"matcha\"}"));
      }
      JsonNode found = json(request.toolResults().get(0));
      return FakeReply.answer(JobJson.MAPPER.createObjectNode().put("research", "Found: " + found.at("/results/0/snippet").asText()).toString());
    }
    String research = request.prompt().contains(SNIPPET) ? SNIPPET : "(no research)";
    return FakeReply.answer(JobJson.MAPPER.createObjectNode().put("article", "An article. " + research).put("word_count", 3).toString());
  }

  @Test
  void theResearchNodeSearchesAndTheOutputsCarryWhatTheSearchReturned() throws Exception {
    HttpResponse<String> response = server.post("/run?wait=60", "application/json", "{\"topic\": \"matcha\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = JobJson.MAPPER.readTree(response.body());
    assertThat(body.at("/outputs/research").asText()).isEqualTo("Found: " + SNIPPET);
    assertThat(body.at("/outputs/article").asText()).isEqualTo("An article. " + SNIPPET);
    assertThat(serper.requestsTo("/search")).singleElement()
        .satisfies(r -> assertThat(FakeWebServer.json(r).path("q").asText()).isEqualTo("matcha"));
    assertThat(serper.requests()).hasSize(1);
    assertThat(model.requests()).hasSize(3);

    JsonNode trace = JobJson.MAPPER.readTree(get("/api/runs/" + body.get("job_id").asText()));
    JsonNode researchNode = null;
    List<String> underResearch = new ArrayList<>();
    for (JsonNode span : trace.get("spans")) {
      if (span.path("kind").asText().equals("node") && span.path("node_id").asText().equals("research")) {
        researchNode = span;
      }
    }
    assertThat(researchNode).isNotNull();
    for (JsonNode span : trace.get("spans")) {
      if (span.path("parent_span_id").asText().equals(researchNode.path("span_id").asText())) {
        underResearch.add(span.path("kind").asText() + (span.has("tool") ? ":" + span.path("tool").asText() : ""));
      }
    }
    assertThat(underResearch).containsExactly("llm", "tool:serper_search", "llm");
    JsonNode tool = findTool(trace);
    assertThat(tool.at("/arguments/text").asText()).contains("matcha");
    assertThat(tool.at("/result/text").asText()).contains(SNIPPET);
    assertThat(tool.path("status").asText()).isEqualTo("ok");

    WebDriver browser = TracesPageIT.chromium(dir.resolve("profile"));
    try {
      browser.get("http://127.0.0.1:" + tracesPort + "/#/runs/" + body.get("job_id").asText());
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
      WebElement toolRow = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#span-tree .span-row[data-kind='tool']")));
      assertThat(browser.findElements(By.cssSelector("#span-tree .span-row")))
          .extracting(e -> e.getAttribute("data-kind"))
          .containsExactly("run", "node", "llm", "tool", "llm", "node", "llm");
      assertThat(toolRow.getText()).contains("serper_search (round 1)");
      toolRow.click();
      WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#span-details:not([hidden])")));
      assertThat(details.getText()).contains("Tool call").contains("matcha").contains(SNIPPET);
    } finally {
      browser.quit();
    }
  }

  private static JsonNode findTool(JsonNode trace) {
    for (JsonNode span : trace.get("spans")) {
      if (span.path("kind").asText().equals("tool")) {
        return span;
      }
    }
    throw new AssertionError("no tool span in " + trace);
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + tracesPort + path)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static JsonNode json(String text) {
    try {
      return JobJson.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
