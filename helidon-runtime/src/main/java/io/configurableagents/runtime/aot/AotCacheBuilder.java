package io.configurableagents.runtime.aot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes the AOT cache in two child JVMs, as the JDK documents it: a training run of this runtime
 * ({@code -XX:AOTMode=record}, see {@link AotTraining}) on a free port with a scratch data
 * directory and no API keys, then {@code -XX:AOTMode=create}. Both get this JVM's own options
 * (heap, GC), so that the cache fits the JVM that will map it. The file appears atomically, only
 * when both steps succeeded; a failure leaves the output in {@code training.log} beside it.
 */
final class AotCacheBuilder {
  private static final long STEP_TIMEOUT_SECONDS = 300;
  private static final List<String> NOT_INHERITED = List.of(
      "-XX:AOTCache=", "-XX:AOTMode=", "-XX:AOTConfiguration=", "-XX:AOTCacheOutput=", "-XX:SharedArchiveFile=",
      "-Xshare:", "-XX:+AutoCreateSharedArchive", "-XX:ArchiveClassesAtExit=", "-agentlib:", "-javaagent:");

  private final Path cache;
  private final String java;
  private final List<String> jvmOptions;
  private final String classPath;
  private final String mainClass;

  AotCacheBuilder(Path cache, String java, List<String> jvmOptions, String classPath, String mainClass) {
    this.cache = cache;
    this.java = java;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.classPath = classPath;
    this.mainClass = mainClass;
  }

  /** A builder that starts this JVM's {@code java} with this JVM's options and class path. */
  static AotCacheBuilder forThisJvm(Path cache, String mainClass) {
    List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> NOT_INHERITED.stream().noneMatch(a::startsWith))
        .toList();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new AotCacheBuilder(cache, java, options, System.getProperty("java.class.path"), mainClass);
  }

  /** Trains, creates and installs the cache; reports what happened. Never throws. */
  void build(Consumer<String> report) {
    Path dir = cache.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      try (FileChannel lockFile = FileChannel.open(dir.resolve("cache.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.tryLock()) {
        if (lock == null) {
          report.accept("AOT cache: another process is making it in " + dir);
          return;
        }
        long started = System.nanoTime();
        buildLocked(dir);
        report.accept(String.format("AOT cache: written (%.1f MB in %.0f s); the next start uses it",
            Files.size(cache) / 1e6, (System.nanoTime() - started) / 1e9));
      }
    } catch (IOException | UncheckedIOException | StepFailed e) {
      report.accept("AOT cache: not made (" + e.getMessage() + "); starts stay without it. Details: "
          + dir.resolve("training.log"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void buildLocked(Path dir) throws IOException, InterruptedException {
    String name = cache.getFileName().toString();
    Path configuration = dir.resolve(name + "conf");
    Path partial = dir.resolve(name + ".partial");
    Path trainingData = dir.resolve("training-data");
    Path log = dir.resolve("training.log");
    deleteTree(trainingData);
    Files.deleteIfExists(configuration);
    Files.deleteIfExists(partial);
    List<String> record = command("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration);
    record.add(mainClass);
    run("training run", record, AotTraining.environment(System.getenv(), trainingData, AotTraining.freePort()), log, ProcessBuilder.Redirect.to(log.toFile()));
    run("cache creation", command("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + partial),
        Map.of(), log, ProcessBuilder.Redirect.appendTo(log.toFile()));
    Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.deleteIfExists(configuration);
    deleteTree(trainingData);
    Files.deleteIfExists(log);
    removeOtherCaches(dir, name);
  }

  private List<String> command(String... aotOptions) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmOptions);
    command.addAll(List.of(aotOptions));
    command.addAll(List.of("-cp", classPath));
    return command;
  }

  private static void run(String step, List<String> command, Map<String, String> environment, Path log,
      ProcessBuilder.Redirect output) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output);
    if (!environment.isEmpty()) {
      builder.environment().clear();
      builder.environment().putAll(environment);
    }
    Process process = builder.start();
    if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new StepFailed("the " + step + " did not finish within " + STEP_TIMEOUT_SECONDS + " s");
    }
    if (process.exitValue() != 0) {
      throw new StepFailed("the " + step + " exited with " + process.exitValue());
    }
  }

  /** Caches of earlier runtimes (another key) in the same directory: nothing maps them any more. */
  private static void removeOtherCaches(Path dir, String keep) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path other : files.filter(f -> isCache(f) && !f.getFileName().toString().equals(keep)).toList()) {
        Files.deleteIfExists(other);
      }
    }
  }

  private static boolean isCache(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("runtime-") && name.endsWith(".aot");
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** A child JVM that did not do its step. */
  private static final class StepFailed extends RuntimeException {
    StepFailed(String message) {
      super(message);
    }
  }
}
