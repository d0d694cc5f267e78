package io.configurableagents.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /** A build still running: its process and the file its output goes to. */
  public record Running(Process process, Path log) {
    /** What it printed so far. */
    public String output() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Waits until it printed {@code text}; fails with what it printed when it does not in time. */
    public String await(String text, java.time.Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!output().contains(text)) {
        if (System.nanoTime() > deadline || !process.isAlive() && !output().contains(text)) {
          throw new AssertionError("the build did not print \"" + text + "\" within " + timeout + ":\n" + output());
        }
        ItDocker.sleep(100);
      }
      return output();
    }

    /** Waits until it ends, at most {@code timeout}; its exit code. */
    public int exit(java.time.Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new AssertionError("the build did not end within " + timeout + ":\n" + output());
        }
        return process.exitValue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Settings like the invoker's: the outer build's local repository as the repository
   * {@code local.central}, which the IT's local repository recorded its artifacts as coming from.
   */
  private static Path settings(File basedir) throws IOException {
    String outer = System.getProperty("maven.repo.local",
        Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
    String url = Path.of(outer).toUri().toString();
    String repository = "<id>local.central</id><url>" + url + "</url>"
        + "<releases><enabled>true</enabled></releases><snapshots><enabled>true</enabled></snapshots>";
    // the plugin group makes the workflow: prefix resolve in a directory without a pom, as docs/deploy.md tells users
    String xml = "<settings><pluginGroups><pluginGroup>io.configurableagents</pluginGroup></pluginGroups>"
        + "<profiles><profile><id>it-repo</id>"
        + "<activation><activeByDefault>true</activeByDefault></activation>"
        + "<repositories><repository>" + repository + "</repository></repositories>"
        + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
        + "</profile></profiles></settings>";
    return Files.writeString(basedir.toPath().resolve("it-maven-settings.xml"), xml);
  }

  public static Build run(File basedir, File localRepository, String... arguments) {
    return run(basedir, localRepository, Map.of(), arguments);
  }

  /** As {@link #run(File, File, String...)}, with {@code environment} set for Maven (e.g. DOCKER_HOST). */
  public static Build run(File basedir, File localRepository, Map<String, String> environment, String... arguments) {
    long start = System.nanoTime();
    Running build = start(basedir, localRepository, environment, arguments);
    int exitCode = build.exit(java.time.Duration.ofMinutes(10));
    return new Build(exitCode, build.output(), (System.nanoTime() - start) / 1_000_000);
  }

  /** Starts a build and returns at once (for a goal that runs until it is stopped, such as logs --follow). */
  public static Running start(File basedir, File localRepository, Map<String, String> environment,
      String... arguments) {
    String mavenHome = System.getProperty("maven.home");
    if (mavenHome == null) {
      throw new IllegalStateException("maven.home is not set in the JVM running the invoker");
    }
    try {
      List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-o",
          "-s", settings(basedir).toString(), "-Dmaven.repo.local=" + localRepository.getAbsolutePath()));
      command.addAll(List.of(arguments));
      Path log = Files.createTempFile(basedir.toPath(), "build-", ".log");
      ProcessBuilder builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
          .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().putAll(environment);
      return new Running(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
