package io.configurableagents.console;

import io.configurableagents.deploy.ConsoleSettings;
import io.configurableagents.deploy.RuntimeJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What the console's tests start it with: a project directory, the runtime's jars, caches in target/. */
final class TestConsoles {
  /** A valid workflow (OpenAI, so OPENAI_API_KEY is required); line 11 is the prompt. */
  static final String WORKFLOW = """
      schema_version: "1.0"
      flow:
        name: console-it-flow
        version: "2.0.0"
      state:
        fields:
          topic: {type: str, required: true}
          summary: {type: str, default: ""}
      nodes:
        - id: summarize
          prompt: "Summarize {state.topic} in one line."
          outputs: [summary]
          output_schema: {type: str}
      edges:
        - {from: START, to: summarize}
        - {from: summarize, to: END}
      config:
        llm: {provider: openai, model: gpt-4o-mini}
      """;
  /** The same with a typo in the prompt's placeholder (line 11). */
  static final String WORKFLOW_WITH_TYPO = WORKFLOW.replace("{state.topic}", "{state.topik}");
  /** Jib's caches and the jlink base, kept across runs (as the plugin's ITs keep theirs). */
  static final Path CACHE = Path.of("target", "console-it-cache").toAbsolutePath();

  private TestConsoles() {}

  /** Settings over {@code project} (which gets workflow.yaml), on {@code port} of loopback. */
  static ConsoleSettings settings(Path project, int port) throws IOException {
    Files.createDirectories(project);
    Files.writeString(project.resolve("workflow.yaml"), WORKFLOW);
    return ConsoleSettings.builder(project)
        .port(port)
        .workflowFile(project.resolve("workflow.yaml"))
        .runtimeJars(runtimeJars())
        .outputDirectory(project.resolve("target/workflow-console"))
        .cacheDirectory(CACHE)
        .build();
  }

  /** The runtime the reactor built: its jar, and the libs/ its build copied beside it. */
  static RuntimeJars runtimeJars() throws IOException {
    String jar = System.getProperty("runtime.jar");
    if (jar == null || !jar.endsWith(".jar")) {
      throw new IllegalStateException("runtime.jar is not set to the helidon-runtime jar: run the ITs with Maven"
          + " (./mvnw verify -pl workflow-console -am)");
    }
    Path libs = Path.of(jar).getParent().resolve("libs");
    if (!Files.isDirectory(libs)) {
      throw new IllegalStateException(libs + " is missing: build helidon-runtime in the same reactor (-am)");
    }
    try (Stream<Path> files = Files.list(libs)) {
      List<Path> libraries = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
      return new RuntimeJars(Path.of(jar), libraries);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
