package io.configurableagents.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * binutils' {@code strip}, when this machine has one: {@code strip --strip-unneeded} takes the
 * symbol tables out of the jlink runtime's executables and native libraries (about 5 MB of the
 * JVM's library), keeping the dynamic symbols they link by. The JVM reads those tables only to
 * name native frames in a crash report ({@code hs_err_pid*.log}); Debian's and Alpine's JDK
 * packages ship their libraries stripped the same way.
 */
final class SymbolStripper {
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final Path executable;
  private final String version;

  private SymbolStripper(Path executable, String version) {
    this.executable = executable;
    this.version = version;
  }

  /** The {@code strip} on the {@code PATH} of {@code environment}, if it runs. */
  static Optional<SymbolStripper> find(Map<String, String> environment) {
    String path = environment.getOrDefault("PATH", "");
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isBlank()) {
        continue;
      }
      Path candidate = Path.of(directory, "strip");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        try {
          ProcessResult result = ProcessRunner.run(new ProcessBuilder(candidate.toString(), "--version"), TIMEOUT);
          if (result.succeeded()) {
            return Optional.of(new SymbolStripper(candidate, result.stdout().lines().findFirst().orElse("strip")));
          }
        } catch (IOException | ProcessRunner.TimedOut e) {
          // not a strip that runs here: try the next
        }
      }
    }
    return Optional.empty();
  }

  /** Its first line of {@code --version}: the same strip on the same files gives the same bytes. */
  String version() {
    return version;
  }

  /** Strips {@code files} in place. */
  void strip(List<Path> files) {
    List<String> command = new ArrayList<>(List.of(executable.toString(), "--strip-unneeded"));
    files.forEach(f -> command.add(f.toString()));
    try {
      ProcessResult result = ProcessRunner.run(new ProcessBuilder(command), TIMEOUT);
      if (!result.succeeded()) {
        throw DeployException.environment("strip failed on the jlink runtime: " + result.reason());
      }
    } catch (IOException e) {
      throw DeployException.environment("could not run " + executable + ": " + e.getMessage(), e);
    } catch (ProcessRunner.TimedOut e) {
      throw DeployException.environment(executable + " did not finish within " + TIMEOUT.toMinutes() + " minutes");
    }
  }
}
