package io.configurableagents.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's API over real HTTP, with the real Docker engine behind it: what the page gets,
 * and what anything else gets (no token, another site, a rebound host name, fuzzed bodies, a 5 MB
 * paste, a name Docker refuses, a port in use): always a 4xx with a message, never a 5xx.
 */
class ConsoleApiIT {
  private static final String SECRET = "sk-api-it-" + java.util.UUID.randomUUID();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern TOKEN = Pattern.compile("<meta name=\"console-token\" content=\"([^\"]+)\">");
  /** Every API route; the container named is one no deploy made. */
  private static final List<String[]> ENDPOINTS = List.of(
      new String[] {"POST", "/api/validate"},
      new String[] {"POST", "/api/env"},
      new String[] {"DELETE", "/api/env"},
      new String[] {"POST", "/api/deploys"},
      new String[] {"GET", "/api/deploys/no-such-deploy/events"},
      new String[] {"GET", "/api/files"},
      new String[] {"GET", "/api/files/content?path=workflow.yaml"},
      new String[] {"GET", "/api/containers"},
      new String[] {"POST", "/api/containers/console-api-it-none/stop"},
      new String[] {"POST", "/api/containers/console-api-it-none/start"},
      new String[] {"POST", "/api/containers/console-api-it-none/remove"},
      new String[] {"GET", "/api/containers/console-api-it-none/logs"});

  @TempDir static Path dir;
  private static Console console;
  private static String token;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    Path project = dir.resolve("project");
    console = Console.start(TestConsoles.settings(project, 0), System.out);
    base = "http://127.0.0.1:" + console.port();
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(page.body());
    assertThat(m.find()).as("the page holds the session token").isTrue();
    token = m.group(1);
  }

  @AfterAll
  static void stop() {
    if (console != null) {
      console.close();
    }
  }

  @Test
  void thePageAndItsFilesComeFromTheJarUnderAStrictPolicy() throws Exception {
    HttpResponse<String> page = send("GET", "/", null, Map.of());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>Workflow console</title>").doesNotContain("http://").doesNotContain("https://");
    assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
        .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
    for (String asset : List.of("console.js", "console.css", "favicon.svg")) {
      HttpResponse<String> file = send("GET", "/assets/" + asset, null, Map.of());
      assertThat(file.statusCode()).as(asset).isEqualTo(200);
      // an SVG names its XML namespace, which is never fetched
      assertThat(file.body().replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).as(asset)
          .doesNotContain("https://").doesNotContain("http://");
    }
    assertProblem(send("GET", "/assets/../../etc/passwd", null, Map.of()), 404);
  }

  @Test
  void everyApiRefusesARequestWithoutTheSessionToken() throws Exception {
    for (String[] e : ENDPOINTS) {
      for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of(ConsoleToken.HEADER, "not-the-token"))) {
        HttpResponse<String> answer = HTTP.send(request(e[0], e[1], "{}", headers), HttpResponse.BodyHandlers.ofString());
        JsonNode error = assertProblem(answer, 403);
        assertThat(error.get("type").asText()).as(e[1]).isEqualTo("missing_token");
        assertThat(error.get("message").asText()).contains("reload the page");
      }
    }
  }

  @Test
  void everyApiRefusesAPageOfAnotherSite() throws Exception {
    for (String[] e : ENDPOINTS) {
      JsonNode origin = assertProblem(send(e[0], e[1], "{}", Map.of("Origin", "http://evil.example")), 403);
      assertThat(origin.get("type").asText()).as(e[1]).isEqualTo("foreign_origin");
      JsonNode site = assertProblem(send(e[0], e[1], "{}", Map.of("Sec-Fetch-Site", "cross-site")), 403);
      assertThat(site.get("type").asText()).as(e[1]).isEqualTo("foreign_origin");
      assertProblem(send(e[0], e[1], "{}", Map.of("Origin", "null")), 403);
    }
  }

  @Test
  void aHostNameThatCouldBeReboundToThisMachineIsRefusedEvenWithTheToken() throws Exception {
    for (String host : List.of("evil.example:" + console.port(), "127.0.0.1.nip.io:" + console.port(), "127.0.0.1:1")) {
      String answer = raw("GET", "/api/files", host, "");
      assertThat(answer).as(host).startsWith("HTTP/1.1 403").contains("answers only at an address of this machine");
      assertThat(raw("GET", "/", host, "")).as(host).startsWith("HTTP/1.1 403").doesNotContain(token);
    }
    assertThat(raw("GET", "/api/files", "localhost:" + console.port(), "")).startsWith("HTTP/1.1 200");
  }

  @Test
  void fuzzedBodiesGetAMessageAndNeverA5xx() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    for (String text : List.of("", "null", "[]", "42", "\"text\"", "{", "{}", "{\"text\": 5}", "{\"text\": null}",
        "{\"text\": [\"a\"]}", "{\"workflow\": \"x\"}", "{\"workflow\": {\"text\": {}}}", "{\"text\": \"A=b\", \"workflow\": 3}",
        "{\"workflow\": {\"text\": \"schema_version: 1\"}, \"port\": \"80\"}", "{\"removeData\": \"yes\"}",
        "{\"workflow\": {\"text\": \"x\"}, \"port\": 1e99}", "[".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
        "{\"text\": \"\\ud800\"}", "{\"text\": \"A=b\", \"fileName\": \"../../etc/passwd\"}")) {
      bodies.add(text.getBytes(StandardCharsets.UTF_8));
    }
    Random random = new Random(20261206);
    for (int i = 0; i < 25; i++) {
      byte[] bytes = new byte[random.nextInt(2000)];
      random.nextBytes(bytes);
      bodies.add(bytes);
    }
    bodies.add(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
    for (String[] e : ENDPOINTS) {
      for (byte[] body : bodies) {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + e[1]))
            .timeout(Duration.ofSeconds(60)).header(ConsoleToken.HEADER, token).header("Content-Type", "application/json")
            .method(e[0], HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(e[0] + " " + e[1] + " with " + describe(body)).isLessThan(500);
        if (answer.statusCode() >= 400) {
          assertProblem(answer, answer.statusCode());
        }
      }
    }
  }

  @Test
  void aFiveMegabytePasteIsRefusedSayingHowLargeAndWhatTheLimitIs() throws Exception {
    String paste = "{\"fileName\": \"workflow.yaml\", \"text\": \"" + "# a comment line of a pasted file\\n".repeat(150_000)
        + "\"}";
    JsonNode workflow = assertProblem(send("POST", "/api/validate", paste, Map.of()), 413);
    assertThat(workflow.get("message").asText())
        .isEqualTo("The request is 5.0 MB, more than the console takes: a workflow of at most 1 MB");
    JsonNode deploy = assertProblem(send("POST", "/api/deploys", "{\"workflow\": " + paste + "}", Map.of()), 413);
    assertThat(deploy.get("message").asText()).contains("a workflow of at most 1 MB");

    String justOver = "{\"text\": \"" + "x".repeat(1024 * 1024 + 1) + "\"}";
    assertThat(assertProblem(send("POST", "/api/validate", justOver, Map.of()), 413).get("message").asText())
        .startsWith("The workflow is 1.0 MB; the console takes a workflow of at most 1 MB");
    String env = "{\"text\": \"A=" + "x".repeat(200 * 1024) + "\"}";
    assertThat(assertProblem(send("POST", "/api/env", env, Map.of()), 413).get("message").asText())
        .isEqualTo("The environment is larger than the console takes: an environment of at most 64 KB");
    String huge = "x".repeat(20 * 1024 * 1024);
    assertThat(assertProblem(send("POST", "/api/validate", huge, Map.of()), 413).get("message").asText())
        .isEqualTo("The request is 20.0 MB, more than the console takes: a workflow of at most 1 MB");
  }

  @Test
  void theValidatorsDiagnosticsComeWithTheirLineColumnAndHint() throws Exception {
    JsonNode report = json(send("POST", "/api/validate", body(TestConsoles.WORKFLOW_WITH_TYPO), Map.of()));

    assertThat(report.get("valid").asBoolean()).isFalse();
    JsonNode d = report.at("/diagnostics/0");
    assertThat(d.get("line").asInt()).isEqualTo(11);
    assertThat(d.get("column").asInt()).isEqualTo(24);
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("message").asText()).contains("{state.topik} names no state field");
    assertThat(d.get("hint").asText()).isEqualTo("did you mean \"topic\"?");
    assertThat(d.get("text").asText()).startsWith("workflow.yaml:11:24: error: ");

    JsonNode valid = json(send("POST", "/api/validate", body(TestConsoles.WORKFLOW), Map.of()));
    assertThat(valid.get("valid").asBoolean()).isTrue();
    assertThat(valid.at("/workflow/defaultName").asText()).isEqualTo("console-it-flow");
    assertThat(valid.at("/workflow/requiredEnvironment/0").asText()).isEqualTo("OPENAI_API_KEY");
  }

  @Test
  void unparsableYamlIsADiagnosticOnItsLineNotAnError() throws Exception {
    JsonNode report = json(send("POST", "/api/validate", body("schema_version: \"1.0\"\nflow: [unclosed\nnodes: {\n"),
        Map.of()));

    assertThat(report.get("valid").asBoolean()).isFalse();
    assertThat(report.at("/diagnostics/0/severity").asText()).isEqualTo("error");
    assertThat(report.at("/diagnostics/0/line").asInt()).isBetween(2, 4);
  }

  @Test
  void theEnvironmentComesBackAsNamesWithMaskedValuesAndFindingsNeverAValue() throws Exception {
    String env = "{\"fileName\": \"prod.env\", \"text\": \"LOG_LEVEL=" + SECRET + "\\n" + SECRET + "\\n\", \"workflow\": "
        + body(TestConsoles.WORKFLOW) + "}";
    HttpResponse<String> set = send("POST", "/api/env", env, Map.of());
    assertThat(set.statusCode()).isEqualTo(200);
    assertThat(set.body()).doesNotContain(SECRET).contains("\"masked\":\"sk-***\"")
        .contains("prod.env line 2 has no '=' and may be malformed")
        .contains("prod.env does not set OPENAI_API_KEY (the openai provider of node 'summarize'); runs fail until it is set");

    HttpResponse<String> validate = send("POST", "/api/validate", body(TestConsoles.WORKFLOW), Map.of());
    assertThat(validate.body()).doesNotContain(SECRET).contains("\"environment\":{\"set\":true")
        .contains("does not set OPENAI_API_KEY");

    HttpResponse<String> cleared = send("DELETE", "/api/env", null, Map.of());
    assertThat(cleared.body()).isEqualTo("{\"set\":false}");
  }

  @Test
  void aDeployOfAWorkflowWithErrorsIsRefusedWithItsDiagnostics() throws Exception {
    JsonNode error = assertProblem(send("POST", "/api/deploys", "{\"workflow\": " + body(TestConsoles.WORKFLOW_WITH_TYPO)
        + "}", Map.of()), 422);

    assertThat(error.get("message").asText())
        .isEqualTo("The workflow has 1 error; fix it in the Workflow section, then deploy");
    assertThat(lastAnswer.at("/diagnostics/0/line").asInt()).isEqualTo(11);
  }

  @Test
  void aNameDockerRefusesIsRefusedNamingTheFieldToChange() throws Exception {
    JsonNode error = assertProblem(send("POST", "/api/deploys", "{\"name\": \"my flow!\", \"workflow\": "
        + body(TestConsoles.WORKFLOW) + "}", Map.of()), 400);

    assertThat(error.get("message").asText()).isEqualTo("Invalid name 'my flow!': Docker names start with a letter or"
        + " digit and hold only letters, digits, '_', '.' and '-'; perhaps you should use the Name field (e.g. my-flow)");
    JsonNode ports = assertProblem(send("POST", "/api/deploys", "{\"port\": 5000, \"tracesPort\": 5000, \"workflow\": "
        + body(TestConsoles.WORKFLOW) + "}", Map.of()), 400);
    assertThat(ports.get("message").asText()).contains("the traces page needs another host port than the API")
        .contains("the traces port field");
    JsonNode base = assertProblem(send("POST", "/api/deploys", "{\"baseImage\": \"not an image\", \"workflow\": "
        + body(TestConsoles.WORKFLOW) + "}", Map.of()), 400);
    assertThat(base.get("message").asText()).contains("the Base image field");
  }

  @Test
  void aPortInUseEndsTheDeployWithTheMessageAndTheFieldToChange() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      HttpResponse<String> started = send("POST", "/api/deploys", "{\"name\": \"console-api-it-port\", \"port\": " + port
          + ", \"traces\": false, \"workflow\": " + body(TestConsoles.WORKFLOW) + "}", Map.of());
      assertThat(started.statusCode()).isEqualTo(202);
      String events = json(started).get("events").asText();

      List<String[]> stream = events(events);

      assertThat(stream).extracting(e -> e[0]).contains("line").last().isEqualTo("failed");
      assertThat(stream.get(stream.size() - 1)[1]).contains("Port " + port + " on this machine is already in use;"
          + " perhaps you should stop what listens there, or choose another port with the API port field (e.g. "
          + (port + 1) + ")");
    }
  }

  @Test
  void containerOperationsOnAContainerNoDeployMadeAreRefusedListingTheDeployedOnes() throws Exception {
    JsonNode stop = assertProblem(send("POST", "/api/containers/console-api-it-none/stop", null, Map.of()), 400);
    assertThat(stop.get("message").asText()).startsWith("No container named 'console-api-it-none' was deployed on this"
        + " Docker daemon");
    for (String name : List.of("--help", "-f", "a%20b", "%2E%2E", "%C3%BC")) {
      JsonNode error = assertProblem(send("POST", "/api/containers/" + name + "/stop", null, Map.of()), 400);
      assertThat(error.get("message").asText()).as(name).startsWith("The path names no container Docker could have made");
    }
    assertProblem(send("GET", "/api/containers/console-api-it-none/logs?tail=-1", null, Map.of()), 400);
    assertProblem(send("GET", "/api/containers/console-api-it-none/logs?tail=lots", null, Map.of()), 400);
    assertThat(send("GET", "/api/containers", null, Map.of()).statusCode()).isEqualTo(200);
  }

  @Test
  void projectFilesAreOfferedAndNothingOutsideTheProjectIsRead() throws Exception {
    Path project = dir.resolve("project");
    Files.createDirectories(project.resolve("flows"));
    Files.writeString(project.resolve("flows/second.yml"), TestConsoles.WORKFLOW);
    Files.createDirectories(project.resolve("target"));
    Files.writeString(project.resolve("target/built.yaml"), "x: 1");
    Files.createDirectories(project.resolve(".git"));
    Files.writeString(project.resolve(".git/hidden.yaml"), "x: 1");
    Files.writeString(dir.resolve("outside.yaml"), "secret: " + SECRET);
    Files.createSymbolicLink(project.resolve("link.yaml"), dir.resolve("outside.yaml"));

    JsonNode files = json(send("GET", "/api/files", null, Map.of()));
    assertThat(files.get("files")).extracting(JsonNode::asText).contains("workflow.yaml", "flows/second.yml")
        .doesNotContain("target/built.yaml", ".git/hidden.yaml");
    assertThat(files.get("initial").asText()).isEqualTo("workflow.yaml");
    assertThat(json(send("GET", "/api/files/content?path=flows/second.yml", null, Map.of())).get("text").asText())
        .isEqualTo(TestConsoles.WORKFLOW);

    for (String path : List.of("../outside.yaml", "link.yaml", dir.resolve("outside.yaml").toString(), "/etc/passwd",
        "pom.xml", "flows/../../outside.yaml")) {
      HttpResponse<String> answer = send("GET", "/api/files/content?path=" + java.net.URLEncoder.encode(path,
          StandardCharsets.UTF_8), null, Map.of());
      assertProblem(answer, 400);
      assertThat(answer.body()).as(path).doesNotContain(SECRET);
    }
    assertProblem(send("GET", "/api/files/content?path=flows/none.yaml", null, Map.of()), 404);
    assertProblem(send("GET", "/api/files/content", null, Map.of()), 400);
  }

  @Test
  void unknownRoutesAndMethodsAreAnsweredWithAMessage() throws Exception {
    assertProblem(send("GET", "/api/nothing", null, Map.of()), 404);
    assertProblem(send("GET", "/nothing", null, Map.of()), 404);
    HttpResponse<String> put = send("PUT", "/api/validate", "{}", Map.of());
    assertThat(put.statusCode()).isBetween(400, 499);
    assertProblem(put, put.statusCode());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static JsonNode lastAnswer;

  /** A workflow as the page sends it. */
  private static String body(String workflow) throws IOException {
    return Json.MAPPER.writeValueAsString(Map.of("fileName", "workflow.yaml", "text", workflow));
  }

  private static HttpRequest request(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return request.build();
  }

  /** With the token, plus {@code headers}. */
  private static HttpResponse<String> send(String method, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    Map<String, String> all = new java.util.HashMap<>(headers);
    all.putIfAbsent(ConsoleToken.HEADER, token);
    return HTTP.send(request(method, path, body, all), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
    return Json.MAPPER.readTree(answer.body());
  }

  /** A 4xx answer with {@code {"error": {"type", "message"}}}; the error. */
  private static JsonNode assertProblem(HttpResponse<String> answer, int status) throws IOException {
    assertThat(answer.statusCode()).as(answer.uri() + ": " + answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    lastAnswer = Json.MAPPER.readTree(answer.body());
    JsonNode error = lastAnswer.get("error");
    assertThat(error).as(answer.body()).isNotNull();
    assertThat(error.get("message").asText()).as(answer.body()).isNotBlank();
    return error;
  }

  /** The server-sent events of {@code path}, as {event, data} pairs, until the stream ends. */
  private static List<String[]> events(String path) throws IOException, InterruptedException {
    HttpResponse<Stream<String>> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(5)).header(ConsoleToken.HEADER, token).build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(answer.statusCode()).isEqualTo(200);
    List<String[]> events = new ArrayList<>();
    String name = "message";
    for (Iterator<String> lines = answer.body().iterator(); lines.hasNext(); ) {
      String line = lines.next();
      if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        events.add(new String[] {name, line.substring(5).strip()});
      }
    }
    return events;
  }

  /** A request written by hand, so that its Host can be anything; the status line, headers and body. */
  private static String raw(String method, String path, String host, String body) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", console.port()), 2000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + ConsoleToken.HEADER + ": " + token
          + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return readAnswer(socket.getInputStream());
    }
  }

  /** One answer, read up to its Content-Length (the connection may stay open). */
  private static String readAnswer(java.io.InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
    }
    Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head.toString(StandardCharsets.ISO_8859_1));
    byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
    return head.toString(StandardCharsets.ISO_8859_1) + new String(body, StandardCharsets.UTF_8);
  }

  private static String describe(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return body.length + " bytes: " + (text.length() > 60 ? text.substring(0, 60) + "..." : text);
  }
}
