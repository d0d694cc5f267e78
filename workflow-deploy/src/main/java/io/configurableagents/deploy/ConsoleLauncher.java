package io.configurableagents.deploy;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the console in a JVM of its own (a Java 21+ found by {@link ConsoleJava}) and waits until
 * it ends: on Ctrl-C, or when it fails to start. Its output is this process's output. When this
 * process ends first (Ctrl-C reaches Maven, or Maven is killed), the console ends with it.
 */
public final class ConsoleLauncher {
  /** The console's entry point, in the workflow-console module. */
  public static final String MAIN_CLASS = "io.configurableagents.console.ConsoleMain";
  /** The console's exit code when it cannot start (its settings, its port); it says why itself. */
  public static final int EXIT_CANNOT_START = 2;
  private static final long STOP_WAIT_SECONDS = 15;

  private ConsoleLauncher() {}

  /**
   * Fails with advice when the console could not listen at {@code bind:port}: not an address of
   * this machine, not a port, or the port taken (a console running already, most likely). Warns
   * when it would listen beyond this machine.
   */
  public static void checkAddress(String bind, int port, HelpfulSuggestions suggestions, DeployLog log) {
    if (port < 0 || port > 65535) {
      throw suggestions.invalidSetting(Setting.CONSOLE_PORT, String.valueOf(port), "a port is 1 to 65535", "8600");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw suggestions.invalidSetting(Setting.CONSOLE_BIND, bind, "not an address of this machine", "127.0.0.1");
    }
    if (!HostPorts.isFree(bind, port)) {
      throw suggestions.consolePortInUse(bind, port);
    }
    if (!address.isLoopbackAddress()) {
      log.warn("The console listens on " + bind + ", beyond this machine: whoever reaches it there can open its page"
          + " and deploy; it answers only requests that name it by IP address or localhost");
    }
  }

  /**
   * Starts the console and returns its exit code once it ended.
   *
   * @param classpath the workflow-console jar and its runtime dependencies
   */
  public static int run(ConsoleJava.Found java, List<Path> classpath, ConsoleSettings settings, DeployLog log) {
    Path directory = privateDirectory();
    try {
      Path settingsFile = directory.resolve("console.properties");
      settings.write(settingsFile);
      // the class path goes through an argument file: dozens of jars exceed some systems' command-line limit
      Path arguments = Files.writeString(directory.resolve("java-arguments"),
          "-cp\n\"" + escape(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)))
              + "\"\n", StandardCharsets.UTF_8);
      List<String> command = List.of(java.launcher().toString(), "@" + arguments, MAIN_CLASS, settingsFile.toString());
      log.debug("Starting the console on Java " + java.version() + ": " + String.join(" ", command));
      Process console = new ProcessBuilder(command).inheritIO().start();
      Thread stopWithUs = new Thread(() -> stop(console), "workflow-console-stop");
      Runtime.getRuntime().addShutdownHook(stopWithUs);
      try {
        return console.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stop(console);
        throw DeployException.environment("interrupted while the console ran", e);
      } finally {
        removeHook(stopWithUs);
      }
    } catch (IOException e) {
      throw DeployException.environment("could not start the console with " + java.launcher() + ": " + e.getMessage(), e);
    } finally {
      deleteQuietly(directory);
    }
  }

  /** Asks the console to stop (it removes its files), then forces it when it does not in time. */
  private static void stop(Process console) {
    console.destroy();
    try {
      if (!console.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
        console.destroyForcibly();
      }
    } catch (InterruptedException e) {
      console.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // this JVM is exiting: the hook runs anyway
    }
  }

  /** Inside an argument file's quotes, a backslash escapes (Windows paths). */
  private static String escape(String classpath) {
    return classpath.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  private static Path privateDirectory() {
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        return Files.createTempDirectory("workflow-console-launch",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      return Files.createTempDirectory("workflow-console-launch");
    } catch (IOException e) {
      throw DeployException.environment("could not create a temporary directory for the console: " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind holds no secret
    }
  }
}
