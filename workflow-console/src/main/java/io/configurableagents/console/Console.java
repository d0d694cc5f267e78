package io.configurableagents.console;

import io.configurableagents.deploy.ConsoleSettings;
import io.configurableagents.deploy.DockerCli;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The console: one session (its token, its environment, its deploys), a private directory for
 * the files its deploys need for a moment, and the Helidon server with one {@code HttpService}
 * per section of the page behind {@link RequestGuard}.
 */
public final class Console implements AutoCloseable {

  private final WebServer server;
  private final Deploys deploys;
  private final Path privateDirectory;
  private final String bind;

  private Console(WebServer server, Deploys deploys, Path privateDirectory, String bind) {
    this.server = server;
    this.deploys = deploys;
    this.privateDirectory = privateDirectory;
    this.bind = bind;
  }

  /**
   * Starts the console on the settings' address and port; fails when it cannot listen there.
   *
   * @param terminal where the deploys' lines are printed, as the goal would print them
   */
  public static Console start(ConsoleSettings settings, PrintStream terminal) {
    Path privateDirectory = createPrivateDirectory();
    ConsoleToken token = ConsoleToken.random();
    HelpfulSuggestions suggestions = new ConsoleSuggestions();
    DockerCli docker = DockerCli.create(settings.dockerExecutable(), Map.of(), suggestions);
    SessionEnv env = new SessionEnv();
    Deploys deploys = new Deploys(terminal);
    ProjectFiles files = new ProjectFiles(settings.projectDirectory());
    try {
      WebServer server = WebServer.builder()
          .host(settings.bind())
          .port(settings.port())
          // each API reads at most its own limit and answers larger bodies with a message (JsonBody)
          .maxPayloadSize(-1)
          .shutdownHook(false)
          .routing(routing -> routing(routing, token,
              new PageHttpService(token),
              new WorkflowHttpService(files, settings.workflowFile(), env, suggestions),
              new EnvHttpService(env, suggestions),
              new DeployHttpService(settings, docker, suggestions, env, privateDirectory, deploys),
              new ContainersHttpService(docker, suggestions, terminal)))
          .build()
          .start();
      return new Console(server, deploys, privateDirectory, settings.bind());
    } catch (RuntimeException e) {
      deploys.close();
      delete(privateDirectory);
      throw e;
    }
  }

  /** The routes, behind the guard; errors mapped once. */
  static void routing(HttpRouting.Builder routing, ConsoleToken token, PageHttpService page,
      WorkflowHttpService workflow, EnvHttpService env, DeployHttpService deploy, ContainersHttpService containers) {
    routing.addFilter(new RequestGuard(token));
    ConsoleErrors.register(routing);
    routing
        .register("/", page)
        .register("/api", workflow)
        .register("/api/env", env)
        .register("/api/deploys", deploy)
        .register("/api/containers", containers);
  }

  /** The port it listens on. */
  public int port() {
    return server.port();
  }

  /** The address to open in a browser on this machine. */
  public URI address() {
    boolean everywhere = bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]");
    String host = everywhere ? "127.0.0.1" : bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** Where the files of a running deploy are for a moment (only the owner can read it). */
  Path privateDirectory() {
    return privateDirectory;
  }

  /** Stops the server and the deploy in flight, and removes the private directory with whatever it holds. */
  @Override
  public void close() {
    server.stop();
    deploys.close();
    delete(privateDirectory);
  }

  private static Path createPrivateDirectory() {
    try {
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        return Files.createTempDirectory("workflow-console",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      return Files.createTempDirectory("workflow-console");
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the console's private directory", e);
    }
  }

  private static void delete(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // nothing left to remove
    }
  }
}
