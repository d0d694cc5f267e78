package io.configurableagents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Heap against traffic (docs/performance.md, "Heap (issue 11)"): the packaged runtime jar at
 * {@code -Xmx256m} with its default configuration, the echo workflow and a fake OpenAI-compatible
 * provider answering at once, runs whose input is a string of 500,000 characters (the output
 * repeats it: 1 MB of outputs a run). Every {@code every} runs it prints the heap after a full
 * collection ({@code jcmd PID GC.run}, then the "used" figure of {@code jcmd PID GC.heap_info}:
 * the live objects, read from outside the process) and the runs per second since the last line.
 *
 * <pre>
 * ./mvnw -B -q -pl helidon-runtime -am verify -DskipTests -Pbenchmark \
 *     -Dbenchmark.class=io.configurableagents.runtime.LargeInputsBenchmark -Dbenchmark.args="2000 500000 4 200"
 * </pre>
 *
 * Arguments (all optional): runs (2000), input characters (500000), clients at once (4), runs
 * between heap figures (200).
 */
public final class LargeInputsBenchmark {
  private LargeInputsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int chars = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
    int clients = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int every = args.length > 3 ? Integer.parseInt(args[3]) : 200;
    Path dir = Files.createTempDirectory("large-inputs-bench");
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
      try (ServerProcess server = ServerProcess.start(env, dir.resolve("server.log"), List.of("-Xmx256m"))) {
        System.out.printf("runtime at -Xmx256m, default retention; %,d runs of %,d-character inputs, %d clients%n", runs, chars, clients);
        System.out.println("   runs   heap after GC   runs/s since last line   load average");
        List<Double> heap = new ArrayList<>(List.of(mb(server.heapAfterGc())));
        System.out.printf("%7d %12.1f MB %24s   %s%n", 0, heap.getFirst(), "-", loadAverage());
        long start = System.nanoTime();
        String firstJob = null;
        for (int done = 0; done < runs; done += every) {
          int batch = Math.min(every, runs - done);
          long batchStart = System.nanoTime();
          List<String> ids = runs(server, done, batch, chars, clients);
          firstJob = firstJob == null ? ids.getFirst() : firstJob;
          double seconds = (System.nanoTime() - batchStart) / 1e9;
          double used = mb(server.heapAfterGc());
          heap.add(used);
          System.out.printf("%7d %12.1f MB %24.1f   %s%n", done + batch, used, batch / seconds, loadAverage());
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d runs in %.1f s (heap figures included): %.1f runs/s; heap after GC %.1f MB before the first run, %.1f MB after the last (lowest %.1f, highest %.1f)%n",
            runs, total, runs / total, heap.getFirst(), heap.getLast(),
            heap.stream().min(Double::compare).orElseThrow(), heap.stream().max(Double::compare).orElseThrow());
        JsonNode first = JobJson.MAPPER.readTree(server.get("/status/" + firstJob).body());
        System.out.printf("GET /status of the first run: %s, outputs.result %,d characters (read back from disk)%n",
            first.get("status").asText(), first.at("/outputs/result").asText().length());
        System.out.printf("on disk: jobs %.0f MB, traces %.0f MB%n",
            mb(size(dir.resolve("data/jobs"))), mb(size(dir.resolve("data/traces"))));
      }
    } finally {
      delete(dir);
    }
  }

  /** {@code count} runs numbered from {@code from}, on {@code clients} clients; every one must answer 200 with its outputs. */
  private static List<String> runs(ServerProcess server, int from, int count, int chars, int clients) throws Exception {
    String[] ids = new String[count];
    AtomicInteger next = new AtomicInteger();
    String body = "x".repeat(chars);
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            String message = body + " " + (from + i);
            HttpResponse<String> response = server.post("/run", "application/json", "{\"message\": \"" + message + "\"}");
            JsonNode answer = JobJson.MAPPER.readTree(response.body());
            if (response.statusCode() != 200 || !message.equals(answer.at("/outputs/result").asText())) {
              next.set(count);
              throw new IllegalStateException("run " + (from + i) + " answered " + response.statusCode() + ": "
                  + response.body().substring(0, Math.min(300, response.body().length())));
            }
            ids[i] = answer.get("job_id").asText();
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    }
    return List.of(ids);
  }

  private static double mb(long bytes) {
    return bytes / 1048576.0;
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> {
        try {
          return Files.size(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
