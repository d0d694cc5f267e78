package io.configurableagents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged runtime jar running as a child process, as a container runs it: configured by
 * environment variables, stopped by SIGTERM or SIGKILL. Its output goes to a file the tests read.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("on port (\\d+)");
  private static final Pattern HEAP_USED = Pattern.compile("heap.*?, used (\\d+)K");
  /** Longer than any wait a test asks for: a server that stopped answering fails the test instead of hanging it. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path output;
  private final int port;

  private ServerProcess(Process process, Path output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /** Starts the jar and waits until it listens (or exits). */
  static ServerProcess start(Map<String, String> env, Path output) throws IOException, InterruptedException {
    return start(env, output, List.of());
  }

  /** Starts the jar with extra JVM options and waits until it listens (or exits). */
  static ServerProcess start(Map<String, String> env, Path output, List<String> jvmOptions)
      throws IOException, InterruptedException {
    return awaitListening(launch(env, output, jvmOptions, List.of()), output);
  }

  /**
   * Starts the jar with every file it writes limited to {@code kilobytes} ({@code ulimit -f}): a
   * write beyond fails with "File too large", as on a full disk.
   */
  static ServerProcess startWithFileSizeLimit(Map<String, String> env, Path output, long kilobytes)
      throws IOException, InterruptedException {
    List<String> shell = List.of("bash", "-c", "ulimit -f " + kilobytes + " && exec \"$@\"", "bash");
    return awaitListening(launch(env, output, List.of(), shell), output);
  }

  /**
   * Starts the jar under {@code ulimit -n descriptors} (soft and hard limit: the JVM cannot raise
   * it) and waits until it listens.
   */
  static ServerProcess startWithDescriptorLimit(int descriptors, Map<String, String> env, Path output)
      throws IOException, InterruptedException {
    List<String> ulimit = List.of("bash", "-c", "ulimit -n " + descriptors + " && exec \"$@\"", "bash");
    return awaitListening(launch(env, output, List.of(), ulimit), output);
  }

  private static ServerProcess awaitListening(Process process, Path output) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(output));
      if (m.find()) {
        return new ServerProcess(process, output, Integer.parseInt(m.group(1)));
      }
      if (!process.isAlive()) {
        throw new AssertionError("the server exited with " + process.exitValue() + ":\n" + Files.readString(output));
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new AssertionError("the server did not listen within 60 s:\n" + Files.readString(output));
  }

  /** Starts the jar expecting it to stop by itself; returns its exit code. */
  static int runToExit(Map<String, String> env, Path output) throws IOException, InterruptedException {
    Process process = launch(env, output, List.of(), List.of());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the server did not exit within 60 s:\n" + Files.readString(output));
    }
    return process.exitValue();
  }

  /** {@code prefix} comes before the java command (a shell that sets limits, then execs it). */
  private static Process launch(Map<String, String> env, Path output, List<String> jvmOptions, List<String> prefix)
      throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    String jar = System.getProperty("runtime.jar", "target/helidon-runtime-0.1.0-SNAPSHOT.jar");
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(java, "-Xmx256m"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.endsWith("_API_KEY"));
    environment.putAll(new HashMap<>(env));
    return builder.redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  int port() {
    return port;
  }

  /** The process id of the JVM (under a limit set by a shell, bash execs into it: the same process). */
  long pid() {
    return process.pid();
  }

  /**
   * The heap in use right after a full collection, in bytes: {@code jcmd PID GC.run}, then the
   * "used" figure of {@code jcmd PID GC.heap_info} (what the live objects take).
   */
  long heapAfterGc() throws IOException, InterruptedException {
    jcmd("GC.run");
    Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
    if (!used.find()) {
      throw new AssertionError("no heap figure in jcmd's answer");
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private String jcmd(String command) throws IOException, InterruptedException {
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    Process jcmd = new ProcessBuilder(java.resolveSibling("jcmd").toString(), String.valueOf(pid()), command)
        .redirectErrorStream(true)
        .start();
    String answer = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new AssertionError("jcmd " + command + " failed: " + answer);
    }
    return answer;
  }

  String output() {
    try {
      return Files.readString(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> delete(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).DELETE().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
    return post(path, contentType, body, Map.of());
  }

  HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The job's status body once it is no longer pending or running, asking {@code GET /status}
   * every 100 ms; every answer must be 200 (an error body fails the test with it).
   */
  JsonNode awaitFinished(String jobId, Duration within) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer = get("/status/" + jobId);
      if (answer.statusCode() != 200) {
        throw new AssertionError("GET /status/" + jobId + " answered " + answer.statusCode() + ": " + answer.body());
      }
      JsonNode body = JobJson.MAPPER.readTree(answer.body());
      if (!body.get("status").asText().matches("pending|running")) {
        return body;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + jobId + " did not finish within " + within);
  }

  /** Sends any request (headers of one's own); its URI is relative to the API port. */
  HttpResponse<String> send(String path, HttpRequest.Builder request) throws IOException, InterruptedException {
    return HTTP.send(request.uri(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** SIGTERM, as {@code docker stop} sends it; returns the exit code. */
  int terminate(Duration within) throws InterruptedException {
    process.destroy();
    return awaitExit(within);
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  int awaitExit(Duration within) throws InterruptedException {
    if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the server did not exit within " + within + ":\n" + output());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
