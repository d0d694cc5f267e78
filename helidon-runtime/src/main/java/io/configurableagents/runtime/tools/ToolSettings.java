package io.configurableagents.runtime.tools;

import io.configurableagents.core.model.SearchService;
import io.configurableagents.core.model.WorkflowEnvironment;
import io.configurableagents.runtime.llm.Environment;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the environment allows the tools to do, and where their services are (docs/tools.md). Read
 * once per process; every list is comma-separated, blanks ignored.
 *
 * @param allowedPaths {@code ALLOWED_PATHS}: the directories the file tools may touch (default
 *     {@code DATA_DIR/files})
 * @param allowedHosts {@code ALLOWED_HOSTS}: loopback, link-local or private hosts the network tools
 *     may reach anyway ({@code host} or {@code host:port})
 * @param allowedCommands {@code ALLOWED_COMMANDS}: the programs {@code shell} and {@code process}
 *     may run (default none)
 * @param allowedEnvVars {@code ALLOWED_ENV_VARS}: the variables {@code env_vars} may read (default none)
 * @param environment where keys ({@code SERPER_API_KEY}, {@code TAVILY_API_KEY}) and the other
 *     variables are read when a call needs them
 */
public record ToolSettings(
    List<Path> allowedPaths,
    List<String> allowedHosts,
    List<String> allowedCommands,
    List<String> allowedEnvVars,
    Environment environment) {

  public ToolSettings {
    allowedPaths = List.copyOf(allowedPaths);
    allowedHosts = List.copyOf(allowedHosts);
    allowedCommands = List.copyOf(allowedCommands);
    allowedEnvVars = List.copyOf(allowedEnvVars);
  }

  /** The settings in {@code environment}; {@code dataDir} is the runtime's {@code DATA_DIR}. */
  public static ToolSettings from(Environment environment, Path dataDir) {
    List<Path> paths = list(environment, WorkflowEnvironment.ALLOWED_PATHS).stream().map(Path::of).toList();
    return new ToolSettings(
        paths.isEmpty() ? List.of(dataDir.resolve("files")) : paths,
        list(environment, WorkflowEnvironment.ALLOWED_HOSTS),
        list(environment, WorkflowEnvironment.ALLOWED_COMMANDS),
        list(environment, WorkflowEnvironment.ALLOWED_ENV_VARS),
        environment);
  }

  Optional<String> variable(String name) {
    return environment.variable(name).map(String::strip);
  }

  /** The service's {@code SERPER_BASE_URL} or {@code TAVILY_BASE_URL}, else its own address. */
  String baseUrl(SearchService service) {
    return variable(service.baseUrlVariable()).orElse(service.defaultBaseUrl());
  }

  private static List<String> list(Environment environment, String name) {
    return environment.variable(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }
}
