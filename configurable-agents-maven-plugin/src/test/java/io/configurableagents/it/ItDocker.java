package io.configurableagents.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * What the invoker ITs' hook scripts do with the real Docker engine and the running containers
 * (used from setup.groovy and verify.groovy through the test class path).
 */
public final class ItDocker {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private ItDocker() {}

  /** What a command printed and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** {@code docker args...}; fails when it exits non-zero. */
  public static String docker(String... args) {
    Result result = run(args);
    if (!result.ok()) {
      throw new IllegalStateException("docker " + String.join(" ", args) + " failed: " + result.stderr());
    }
    return result.stdout().strip();
  }

  /** {@code docker args...}, whatever the outcome. */
  public static Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add("docker");
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("docker-out", ".txt");
      Path err = Files.createTempFile("docker-err", ".txt");
      Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("docker " + String.join(" ", args) + " took over 5 minutes");
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the container's log (stdout and stderr) contains {@code text}; returns the log. */
  public static String awaitLog(String container, String text, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Result logs = run("logs", container);
      String log = logs.stdout() + logs.stderr();
      if (log.contains(text)) {
        return log;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the log of " + container + " lacks \"" + text + "\" after " + timeout + ":\n" + log);
      }
      sleep(500);
    }
  }

  /** Removes containers (with -f -v), then volumes, then images, ignoring those that are not there. */
  public static void removeQuietly(List<String> containers, List<String> volumes, List<String> images) {
    // -v: with their anonymous volumes (a container made without -v for /app/data gets one); named ones stay
    containers.forEach(c -> run("rm", "-f", "-v", c));
    volumes.forEach(v -> run("volume", "rm", "-f", v));
    images.forEach(i -> run("image", "rm", "-f", i));
  }

  /** {@code docker inspect --format FORMAT target}. */
  public static String inspect(String format, String target) {
    return docker("inspect", "--format", format, target);
  }

  public static boolean exists(String kind, String name) {
    return run(kind, "inspect", name).ok();
  }

  /** GET, answering status and body. */
  public static HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().timeout(Duration.ofSeconds(30)).build());
  }

  /** POST of a JSON body. */
  public static HttpResponse<String> postJson(String url, String json) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code GET url} answers 200; the time it took. */
  public static Duration awaitOk(String url, Duration timeout) {
    long start = System.nanoTime();
    while (System.nanoTime() - start < timeout.toNanos()) {
      try {
        if (get(url).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (UncheckedIOException e) {
        // not up yet
      }
      sleep(50);
    }
    throw new IllegalStateException(url + " did not answer 200 within " + timeout);
  }

  /**
   * Whether {@code text} occurs anywhere in the image as {@code docker save} writes it: its
   * config, its manifest and every layer's files (Docker 20.10 saves layers uncompressed).
   */
  public static boolean imageContains(String image, String text) {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try {
      Process save = new ProcessBuilder("docker", "save", image).redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      boolean found;
      try (InputStream in = new BufferedInputStream(save.getInputStream(), 1 << 16)) {
        found = contains(in, needle);
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      if (save.waitFor() != 0) {
        throw new IllegalStateException("docker save " + image + " failed");
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The paths in {@code image} that the user {@code uid} (with the group of the same id) may
   * write, as {@code docker save} lists its layers (a later layer's entry replaces an earlier
   * one's; symbolic links do not count), e.g. {@code [/app/data, /tmp]}.
   */
  public static List<String> pathsWritableBy(String image, int uid) {
    try {
      Process save = new ProcessBuilder("docker", "save", image).redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      Map<String, Boolean> writable = new TreeMap<>();
      try (TarArchiveInputStream saved = new TarArchiveInputStream(new BufferedInputStream(save.getInputStream(), 1 << 16))) {
        for (TarArchiveEntry file; (file = saved.getNextEntry()) != null; ) {
          if (!file.getName().endsWith("layer.tar")) {
            continue;
          }
          TarArchiveInputStream layer = new TarArchiveInputStream(CloseShieldInputStream.wrap(saved));
          for (TarArchiveEntry entry; (entry = layer.getNextEntry()) != null; ) {
            String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "").replaceFirst("/$", "");
            int mode = entry.getMode();
            boolean byUser = entry.getLongUserId() == uid && (mode & 0200) != 0;
            boolean byGroup = entry.getLongGroupId() == uid && (mode & 0020) != 0;
            writable.put(path, !entry.isSymbolicLink() && (byUser || byGroup || (mode & 0002) != 0));
          }
        }
        saved.transferTo(java.io.OutputStream.nullOutputStream());
      }
      if (save.waitFor() != 0) {
        throw new IllegalStateException("docker save " + image + " failed");
      }
      return writable.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Streams {@code in} looking for {@code needle} (KMP, so nothing is missed across reads). */
  static boolean contains(InputStream in, byte[] needle) throws IOException {
    int[] failure = new int[needle.length];
    for (int i = 1, k = 0; i < needle.length; i++) {
      while (k > 0 && needle[i] != needle[k]) {
        k = failure[k - 1];
      }
      if (needle[i] == needle[k]) {
        k++;
      }
      failure[i] = k;
    }
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      while (matched > 0 && (byte) b != needle[matched]) {
        matched = failure[matched - 1];
      }
      if ((byte) b == needle[matched]) {
        matched++;
      }
      if (matched == needle.length) {
        return true;
      }
    }
    return false;
  }

  /** A free TCP port on this machine. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A socket file that nobody listens on (as a daemon that died leaves it). */
  public static Path deadSocket(Path file) {
    try {
      Files.deleteIfExists(file);
      try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
        server.bind(UnixDomainSocketAddress.of(file));
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails, quoting only {@code text}, unless the log contains it (assert would print the whole log). */
  public static void requireContains(String log, String text) {
    if (!log.contains(text)) {
      throw new AssertionError("build.log lacks: " + text);
    }
  }

  /** Fails unless the log lacks {@code text}; {@code what} says what it would mean (never the text: it may be secret). */
  public static void requireLacks(String log, String text, String what) {
    if (log.contains(text)) {
      throw new AssertionError("build.log contains " + what);
    }
  }

  /** The text of a build log. */
  public static String log(Path buildLog) {
    try {
      return Files.readString(buildLog);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
