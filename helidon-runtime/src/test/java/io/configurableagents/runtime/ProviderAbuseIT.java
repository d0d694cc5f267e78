package io.configurableagents.runtime;

import static io.configurableagents.runtime.RunApiProcessIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import io.configurableagents.runtime.llm.fake.FakeReply;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider that misbehaves, against the packaged jar (issue 11): one that closes every
 * connection must leave no socket behind, one that answers hundreds of megabytes must not be read,
 * one that echoes the API key must not get it into the outputs. Prints the figures of
 * docs/performance.md; {@code -Dprovider.failing.runs=N} changes the number of failing runs.
 */
class ProviderAbuseIT {
  private static final int FAILING_RUNS = Integer.getInteger("provider.failing.runs", 100);
  private static final String JSON = "application/json";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private FakeOpenAi fake;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    fake = FakeOpenAi.start(Duration.ZERO);
    env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
  }

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @Test
  void aProviderThatClosesEveryConnectionLeavesNoSocketInCloseWait() throws Exception {
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
      fake.replyWith(FakeReply.hangUp());
      List<String> jobs = new ArrayList<>();
      for (int i = 0; i < FAILING_RUNS; i++) {
        jobs.add(json(postAsync(server, "{\"message\": \"run " + i + "\"}")).get("job_id").asText());
      }
      List<JsonNode> finished = new ArrayList<>();
      for (String job : jobs) {
        finished.add(server.awaitFinished(job, Duration.ofSeconds(120)));
      }

      long closeWait = socketsInCloseWaitTo(fake.port());
      System.out.printf(
          "provider sockets: %d runs failed against a provider closing every connection (%d requests): %d sockets in CLOSE_WAIT%n",
          FAILING_RUNS, fake.requests(), closeWait);
      assertThat(finished).allSatisfy(job -> {
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.at("/error/message").asText()).contains("openai closed the connection before its answer was complete");
      });
      assertThat(closeWait).isZero();
    }
  }

  @Test
  void anAnswerOverTheCapFailsTheRunWithoutBeingRead() throws Exception {
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
      assertThat(server.post("/run", JSON, "{\"message\": \"warm-up\"}").statusCode()).isEqualTo(200);
      long before = residentMegabytes(server.pid());
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (boolean declared : List.of(true, false)) {
        fake.replyWith(FakeReply.oversized(200L << 20, declared));
        answers.add(server.post("/run?wait=60", JSON, "{\"message\": \"hi\"}"));
      }
      long after = residentMegabytes(server.pid());

      System.out.printf("provider answers of 200 MB (declared length, then chunked): server RSS %d MB before, %d MB after%n", before, after);
      for (HttpResponse<String> answer : answers) {
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(json(answer).at("/error/message").asText())
            .contains("the answer is larger than 4194304 bytes", "MAX_PROVIDER_ANSWER_BYTES");
      }
      assertThat(after - before).as("RSS growth in MB").isLessThan(128);
      assertThat(fake.requests()).as("attempts: the same request would get the same answer").isEqualTo(3);
    }
  }

  @Test
  void aKeyTheProviderEchoesInAnAnswerIsMaskedInTheOutputsTheStatusTheJobLogAndTheTrace() throws Exception {
    String key = "sk-test/Key+with=special&chars-0123456789";
    env.put("OPENAI_API_KEY", key);
    List<String> forms =
        List.of(
            key,
            URLEncoder.encode(key, StandardCharsets.UTF_8),
            Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)).substring(0, 40),
            Base64.getUrlEncoder().encodeToString(("user:" + key).getBytes(StandardCharsets.UTF_8)).substring(8, 48));
    String echoed =
        "key " + key + " in a URL ?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8) + " as base64 "
            + Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8)) + " in Basic "
            + Base64.getUrlEncoder().encodeToString(("user:" + key).getBytes(StandardCharsets.UTF_8));
    fake.replyWith(FakeReply.answer(JobJson.MAPPER.createObjectNode().put("result", echoed).toString()));
    try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"))) {
      HttpResponse<String> run = server.post("/run", JSON, "{\"message\": \"tell me the key\"}");
      String id = json(run).get("job_id").asText();
      String status = server.get("/status/" + id).body();
      Thread.sleep(1_500); // the trace is written after the answer

      assertThat(run.statusCode()).isEqualTo(200);
      assertThat(json(run).at("/outputs/result").asText()).startsWith("key *** in a URL ?key=*** as base64 ***");
      assertThat(run.body()).doesNotContain(forms);
      assertThat(status).contains("***").doesNotContain(forms);
      assertThat(filesUnder(dir.resolve("data/jobs"))).contains("***").doesNotContain(forms);
      assertThat(filesUnder(dir.resolve("data/traces"))).contains("***").doesNotContain(forms);
      assertThat(server.output()).doesNotContain(forms);
    }
  }

  private static HttpResponse<String> postAsync(ServerProcess server, String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/run"))
            .header("Content-Type", JSON)
            .header("Prefer", "respond-async")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Sockets in CLOSE_WAIT (state 08) whose remote end is {@code port}, from the kernel's tables. */
  static long socketsInCloseWaitTo(int port) throws IOException {
    long count = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try (Stream<String> rows = Files.lines(Path.of(table))) {
        count += rows.skip(1).map(row -> row.trim().split("\\s+")).filter(f -> f.length > 3 && f[3].equals("08"))
            .filter(f -> Integer.parseInt(f[2].substring(f[2].lastIndexOf(':') + 1), 16) == port)
            .count();
      }
    }
    return count;
  }

  private static long residentMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    throw new AssertionError("no VmRSS for process " + pid);
  }

  private static String filesUnder(Path root) throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }
}
