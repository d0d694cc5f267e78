package io.configurableagents.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven again on an IT project from its verify script, offline against the IT's local
 * repository (the invoker's first build filled it), for steps that need a check between two
 * builds (e.g. a job made before a redeploy).
 */
public final class ItMaven {
  private ItMaven() {}

  /** What one build printed and how it ended. */
  public record Build(int exitCode, String log, long millis) {}

  public static Build run(File basedir, File localRepository, String... arguments) {
    String mavenHome = System.getProperty("maven.home");
    if (mavenHome == null) {
      throw new IllegalStateException("maven.home is not set in the JVM running the invoker");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-o",
        "-Dmaven.repo.local=" + localRepository.getAbsolutePath()));
    command.addAll(List.of(arguments));
    try {
      Path log = Files.createTempFile(basedir.toPath(), "build-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      long start = System.nanoTime();
      Process process = builder.start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " took over 10 minutes");
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new Build(process.exitValue(), Files.readString(log), millis);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
