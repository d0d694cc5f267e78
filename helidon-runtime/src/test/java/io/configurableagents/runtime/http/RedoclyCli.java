package io.configurableagents.runtime.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Redocly CLI (the OpenAPI linter, from the npm registry), pinned to one version and installed once
 * into a user-wide cache ({@code ~/.cache/configurable-agents/redocly-cli-VERSION}), so that
 * {@code mvn clean} does not download it again. Needs Node.js and npm on the PATH.
 */
final class RedoclyCli {
  static final String VERSION = "2.77.0";

  private final Path home;

  private RedoclyCli(Path home) {
    this.home = home;
  }

  /** The installed CLI, installing it first when the cache lacks it. */
  static RedoclyCli installed() throws IOException, InterruptedException {
    Path home = Path.of(System.getProperty("user.home"), ".cache", "configurable-agents", "redocly-cli-" + VERSION);
    if (!Files.isRegularFile(executable(home))) {
      install(home);
    }
    return new RedoclyCli(home);
  }

  /** {@code redocly lint --extends=recommended FILE}: the exit code and everything it printed. */
  Result lint(Path document) throws IOException, InterruptedException {
    return run(List.of(executable(home).toString(), "lint", "--extends=recommended", "--format=stylish", document.toString()),
        document.getParent());
  }

  record Result(int exitCode, String output) {}

  private static void install(Path home) throws IOException, InterruptedException {
    Files.createDirectories(home.getParent());
    Path staging = Files.createTempDirectory(home.getParent(), "redocly-cli-install-");
    Result result;
    try {
      result = run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "--prefix", staging.toString(),
          "@redocly/cli@" + VERSION), staging);
    } catch (IOException e) {
      delete(staging);
      throw new IllegalStateException("npm is not on the PATH: this test lints the OpenAPI document with Redocly CLI"
          + " from the npm registry; install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)", e);
    }
    if (result.exitCode() != 0 || !Files.isRegularFile(executable(staging))) {
      delete(staging);
      throw new IllegalStateException("npm install @redocly/cli@" + VERSION + " failed (exit " + result.exitCode() + "):\n"
          + result.output());
    }
    try {
      Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      delete(staging); // another build installed it meanwhile
    } catch (IOException e) {
      delete(staging);
      if (!Files.isRegularFile(executable(home))) {
        throw e;
      }
    }
  }

  private static Path executable(Path home) {
    return home.resolve("node_modules").resolve(".bin").resolve("redocly");
  }

  private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not end within 5 minutes");
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
