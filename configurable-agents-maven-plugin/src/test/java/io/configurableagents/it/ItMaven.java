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
    String xml = "<settings><profiles><profile><id>it-repo</id>"
        + "<activation><activeByDefault>true</activeByDefault></activation>"
        + "<repositories><repository>" + repository + "</repository></repositories>"
        + "<pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>"
        + "</profile></profiles></settings>";
    return Files.writeString(basedir.toPath().resolve("it-maven-settings.xml"), xml);
  }

  public static Build run(File basedir, File localRepository, String... arguments) {
    try {
      return build(basedir, localRepository, arguments);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Build build(File basedir, File localRepository, String... arguments) throws IOException {
    String mavenHome = System.getProperty("maven.home");
    if (mavenHome == null) {
      throw new IllegalStateException("maven.home is not set in the JVM running the invoker");
    }
    List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-B", "-o",
        "-s", settings(basedir).toString(), "-Dmaven.repo.local=" + localRepository.getAbsolutePath()));
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
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
