package io.configurableagents.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared libraries of this machine that some executables need, as {@code ldd} reports them. */
final class SharedLibraries {
  private static final Pattern RESOLVED = Pattern.compile("^\\s*\\S+\\s+=>\\s+(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");
  private static final Pattern LOADER = Pattern.compile("^\\s*(/\\S+)\\s+\\(0x[0-9a-f]+\\)\\s*$");
  private static final Pattern NOT_FOUND = Pattern.compile("^\\s*(\\S+)\\s+=>\\s+not found\\s*$");

  private SharedLibraries() {}

  /**
   * The absolute paths (as the loader names them) of every library the given ELF files need,
   * outside {@code runtime} (a Java home: its own libraries are found there, e.g. through RPATH).
   */
  static Set<Path> neededBy(Collection<Path> elfFiles, Path runtime) {
    String ownLibraries = runtime.resolve("lib") + ":" + runtime.resolve("lib/server");
    Set<Path> libraries = new TreeSet<>();
    for (Path file : elfFiles) {
      for (Path library : parse(ldd(file, ownLibraries), file)) {
        if (!library.startsWith(runtime)) {
          libraries.add(library);
        }
      }
    }
    return libraries;
  }

  /** The library paths in {@code ldd} output; a library that is not found fails. */
  static List<Path> parse(String lddOutput, Path file) {
    List<Path> paths = new ArrayList<>();
    for (String line : lddOutput.split("\n")) {
      Matcher notFound = NOT_FOUND.matcher(line);
      if (notFound.matches()) {
        throw DeployException.environment(
            file + " needs " + notFound.group(1) + ", which this machine does not have; the jlink base cannot run it");
      }
      Matcher resolved = RESOLVED.matcher(line);
      Matcher loader = LOADER.matcher(line);
      if (resolved.matches()) {
        paths.add(Path.of(resolved.group(1)).normalize());
      } else if (loader.matches()) {
        paths.add(Path.of(loader.group(1)).normalize());
      }
    }
    return paths;
  }

  private static String ldd(Path file, String libraryPath) {
    ProcessBuilder builder = new ProcessBuilder("ldd", file.toString());
    builder.environment().put("LD_LIBRARY_PATH", libraryPath);
    try {
      ProcessResult result = ProcessRunner.run(builder, Duration.ofSeconds(30));
      if (!result.succeeded()) {
        throw DeployException.environment("ldd " + file + " failed: " + result.reason());
      }
      return result.stdout();
    } catch (IOException e) {
      throw DeployException.environment(
          "the jlink base needs 'ldd' (glibc's, e.g. Debian's libc-bin) to find the libraries Java needs: "
              + e.getMessage(), e);
    } catch (ProcessRunner.TimedOut e) {
      throw DeployException.environment("ldd " + file + " did not finish within 30 s");
    }
  }
}
