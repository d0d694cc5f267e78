package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated {@code POST /run} bodies against the packaged jar (issue 11): none may get a 5xx, and no
 * error message may name the JSON parser's internals. Seeded, so a failure repeats; prints the
 * figure of docs/performance.md. {@code -Dfuzz.bodies=N} and {@code -Dfuzz.seed=S} change the run.
 */
class RequestBodyFuzzIT {
  private static final int BODIES = Integer.getInteger("fuzz.bodies", 10_000);
  private static final long SEED = Long.getLong("fuzz.seed", 11L);
  private static final int CLIENTS = 8;
  private static final List<String> INTERNALS = List.of("`", "Feature", "jackson", "Exception", "StreamRead", "REDACTED");
  private static final List<String> SEEDS =
      List.of(
          "{\"message\": \"hello\"}",
          "{\"message\": \"h\u00e9llo \u4e16\u754c \ud83d\ude00\", \"result\": \"\"}",
          "{\"message\": \"a\\n\\t\\\"b\\u0041\\ud83d\\ude00\"}",
          "{\"message\": \"x\", \"extra\": [1, -2.5e10, true, false, null, {\"k\": {}}]}",
          "{}",
          "[\"hello\"]",
          "\"hello\"",
          "123");
  private static final byte[] INTERESTING =
      "\0\u00ff\u00fe\u00ef\u00bb\u00bf\u0080\u00c0{}[]\":,\\ e-0\n".getBytes(StandardCharsets.ISO_8859_1);
  private static final List<byte[]> PREFIXES =
      List.of(
          HexFormat.of().parseHex("efbbbf"),
          HexFormat.of().parseHex("feff"),
          HexFormat.of().parseHex("fffe"),
          HexFormat.of().parseHex("0000feff"),
          HexFormat.of().parseHex("fffe0000"),
          HexFormat.of().parseHex("000000"));
  private static final List<Charset> ENCODINGS =
      List.of(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16, Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"));

  @TempDir Path dir;

  @Test
  void noMutatedBodyGetsA5xxOrAMessageNamingParserInternals() throws Exception {
    Random random = new Random(SEED);
    List<byte[]> bodies = new ArrayList<>();
    for (int i = 0; i < BODIES; i++) {
      bodies.add(mutate(SEEDS.get(random.nextInt(SEEDS.size())).getBytes(StandardCharsets.UTF_8), random));
    }
    Map<Integer, AtomicInteger> statuses = Collections.synchronizedMap(new TreeMap<>());
    List<String> failures = Collections.synchronizedList(new ArrayList<>());
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"));
          HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
          ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
        Semaphore inFlight = new Semaphore(CLIENTS);
        List<Future<?>> sent = new ArrayList<>();
        for (byte[] body : bodies) {
          inFlight.acquire();
          sent.add(clients.submit(() -> {
            try {
              check(server, http, body, statuses, failures);
            } finally {
              inFlight.release();
            }
            return null;
          }));
        }
        for (Future<?> future : sent) {
          future.get();
        }
      }
    }

    int fivexx = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(e -> e.getValue().get()).sum();
    System.out.printf("fuzz: %d mutated bodies tried (seed %d), %d answered 5xx; by status %s%n", bodies.size(), SEED, fivexx, statuses);
    assertThat(failures).as("bodies answered with a 5xx or a message naming internals (first ones)").isEmpty();
    assertThat(fivexx).isZero();
  }

  private static void check(
      ServerProcess server, HttpClient http, byte[] body, Map<Integer, AtomicInteger> statuses, List<String> failures)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/run?wait=30"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
    String problem = null;
    if (response.statusCode() >= 500) {
      problem = "status " + response.statusCode();
    } else if (response.statusCode() >= 400) {
      JsonNode error = JobJson.MAPPER.readTree(response.body()).path("error");
      String message = error.path("message").asText("");
      if (error.path("type").asText("").isEmpty() || message.isEmpty() || INTERNALS.stream().anyMatch(message::contains)) {
        problem = "error body " + response.body();
      }
    }
    if (problem != null && failures.size() < 10) {
      failures.add(problem + " for body " + HexFormat.of().formatHex(body, 0, Math.min(body.length, 64)));
    }
  }

  /** One to four mutations of {@code seed}. */
  static byte[] mutate(byte[] seed, Random random) {
    byte[] body = seed;
    for (int n = 1 + random.nextInt(4); n > 0; n--) {
      body = mutateOnce(body, random);
    }
    return body;
  }

  private static byte[] mutateOnce(byte[] body, Random random) {
    int at = body.length == 0 ? 0 : random.nextInt(body.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (random.nextInt(11)) {
      case 0 -> { // overwrite a byte
        byte[] copy = body.clone();
        if (copy.length > 0) {
          copy[at] = random.nextBoolean() ? (byte) random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)];
        }
        return copy;
      }
      case 1 -> { // insert a byte
        out.write(body, 0, at);
        out.write(random.nextBoolean() ? random.nextInt(256) : INTERESTING[random.nextInt(INTERESTING.length)]);
        out.write(body, at, body.length - at);
      }
      case 2 -> { // delete a range
        int end = Math.min(body.length, at + 1 + random.nextInt(8));
        out.write(body, 0, at);
        out.write(body, end, body.length - end);
      }
      case 3 -> { // copy a range elsewhere
        int end = Math.min(body.length, at + 1 + random.nextInt(16));
        int to = body.length == 0 ? 0 : random.nextInt(body.length);
        out.write(body, 0, to);
        out.write(body, at, end - at);
        out.write(body, to, body.length - to);
      }
      case 4 -> out.write(body, 0, at); // truncate
      case 5 -> { // a byte order mark or zero bytes in front
        out.writeBytes(PREFIXES.get(random.nextInt(PREFIXES.size())));
        out.writeBytes(body);
      }
      case 6 -> out.writeBytes(new String(body, StandardCharsets.UTF_8).getBytes(ENCODINGS.get(random.nextInt(ENCODINGS.size()))));
      case 7 -> { // deep nesting
        int depth = random.nextInt(1_500);
        out.writeBytes("[".repeat(depth).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("]".repeat(depth).getBytes(StandardCharsets.US_ASCII));
      }
      case 8 -> { // a long number
        out.write(body, 0, at);
        out.writeBytes("9".repeat(1 + random.nextInt(2_000)).getBytes(StandardCharsets.US_ASCII));
        out.write(body, at, body.length - at);
      }
      case 9 -> { // something after the value
        out.writeBytes(body);
        out.writeBytes(List.of(" {}", "xyz", " 1", "\n\"", ",", "}").get(random.nextInt(6)).getBytes(StandardCharsets.US_ASCII));
      }
      default -> { // a duplicate property
        int brace = new String(body, StandardCharsets.ISO_8859_1).indexOf('{');
        if (brace < 0) {
          return body;
        }
        out.write(body, 0, brace + 1);
        out.writeBytes("\"message\": \"again\", ".getBytes(StandardCharsets.US_ASCII));
        out.write(body, brace + 1, body.length - brace - 1);
      }
    }
    return out.toByteArray();
  }
}
