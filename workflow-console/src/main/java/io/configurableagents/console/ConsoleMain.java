package io.configurableagents.console;

import io.configurableagents.deploy.ConsoleLauncher;
import io.configurableagents.deploy.ConsoleSettings;
import io.helidon.logging.common.LogConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Path;

/**
 * Entry point of the console's JVM, which {@code mvn workflow:console} starts with the settings
 * file it wrote. Wiring only: read the settings, start the {@link Console}, stop it on Ctrl-C or
 * when the build that started it ends.
 */
public final class ConsoleMain {
  private ConsoleMain() {}

  public static void main(String[] args) {
    LogConfig.configureRuntime();
    if (args.length != 1) {
      System.err.println("usage: ConsoleMain SETTINGS_FILE (mvn workflow:console starts it)");
      System.exit(ConsoleLauncher.EXIT_CANNOT_START);
    }
    ConsoleSettings settings;
    try {
      settings = ConsoleSettings.read(Path.of(args[0]));
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("The console's settings could not be read: " + e.getMessage());
      System.exit(ConsoleLauncher.EXIT_CANNOT_START);
      return;
    }
    Console console;
    try {
      console = Console.start(settings, System.out);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof BindException) {
        System.err.println(new ConsoleSuggestions().consolePortInUse(settings.bind(), settings.port()).userMessage());
      } else {
        System.err.println("The console could not start: " + e.getMessage());
      }
      System.exit(ConsoleLauncher.EXIT_CANNOT_START);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(console::close, "workflow-console-stop"));
    stopWithParent(settings.parentPid());
    System.out.println("Workflow console on " + console.address() + " (project directory "
        + settings.projectDirectory() + "); Ctrl-C stops it");
  }

  /** The console ends with the build that started it, also when that one is killed. */
  private static void stopWithParent(long pid) {
    if (pid <= 0) {
      return;
    }
    ProcessHandle.of(pid).ifPresentOrElse(
        parent -> parent.onExit().thenRun(() -> System.exit(0)),
        () -> System.exit(0));
  }
}
