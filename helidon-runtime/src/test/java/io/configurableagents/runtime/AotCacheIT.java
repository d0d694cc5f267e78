package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM's AOT cache in the data directory, as the image's entrypoint names it: made in the
 * background when it is missing or unusable, mapped on the next start; never in the way of a start.
 */
class AotCacheIT {
  private static final Duration CACHE_MADE_WITHIN = Duration.ofMinutes(4);

  @TempDir Path dir;
  private Path cache;
  private List<String> jvmOptions;

  @BeforeEach
  void onJdk25() {
    assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
    cache = dir.resolve("data/cds/runtime-test.aot");
    jvmOptions = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-XX:AOTCache=" + cache);
  }

  @Test
  void aMissingCacheIsMadeInTheBackgroundWithoutCallingTheProviderAndMappedOnTheNextStart() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO)) {
      Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));

      try (ServerProcess first = ServerProcess.start(env, dir.resolve("first.log"), jvmOptions)) {
        assertThat(first.get("/health").statusCode()).isEqualTo(200);
        assertThat(first.output()).contains("AOT cache: " + cache + " does not exist yet; making it in the background");
        awaitOutput(first, "AOT cache: written");
        first.terminate(Duration.ofSeconds(30));
      }

      assertThat(fake.requests()).isZero();
      assertThat(cache).isNotEmptyFile();
      try (Stream<Path> files = Files.list(cache.getParent())) {
        assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("runtime-test.aot", "cache.lock");
      }
      try (ServerProcess second = ServerProcess.start(env, dir.resolve("second.log"), jvmOptions)) {
        awaitOutput(second, "AOT cache: in use (" + cache + ")");
        assertThat(second.get("/health").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void anUnusableCacheDoesNotStopTheStartAndIsReplaced() throws Exception {
    Files.createDirectories(cache.getParent());
    Files.writeString(cache, "not an AOT cache");
    Files.writeString(cache.resolveSibling("runtime-of-an-older-runtime.aot"), "stale");
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO);
        ServerProcess server = ServerProcess.start(
            EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data")), dir.resolve("out.log"), jvmOptions)) {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      assertThat(server.output()).contains("AOT cache: " + cache + " does not fit this runtime");

      awaitOutput(server, "AOT cache: written");

      assertThat(Files.size(cache)).isGreaterThan(1_000_000);
      assertThat(cache.resolveSibling("runtime-of-an-older-runtime.aot")).doesNotExist();
    }
  }

  @Test
  void withoutTheOptionNothingIsMade() throws Exception {
    try (FakeOpenAi fake = FakeOpenAi.start(Duration.ZERO);
        ServerProcess server = ServerProcess.start(
            EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data")), dir.resolve("out.log"))) {
      assertThat(server.get("/health").statusCode()).isEqualTo(200);
      TimeUnit.SECONDS.sleep(2);

      assertThat(server.output()).doesNotContain("AOT cache");
      assertThat(dir.resolve("data/cds")).doesNotExist();
    }
  }

  private static void awaitOutput(ServerProcess server, String text) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + CACHE_MADE_WITHIN.toNanos();
    while (!server.output().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no \"" + text + "\" within " + CACHE_MADE_WITHIN + ":\n" + server.output());
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }
}
