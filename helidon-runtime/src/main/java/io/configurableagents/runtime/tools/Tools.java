package io.configurableagents.runtime.tools;

import io.configurableagents.core.model.BuiltInTool;
import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.SearchService;
import io.configurableagents.core.model.ToolSpec;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowEnvironment;
import io.configurableagents.runtime.llm.Environment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Makes the built-in tools (docs/tools.md) for the nodes that list them, under one process's
 * {@link ToolSettings}; they share one HTTP client. Thread-safe; create one per process.
 */
public final class Tools {
  private final ToolSettings settings;
  private final ToolHttp http;

  private final PathGuard paths;

  private Tools(ToolSettings settings) {
    this.settings = settings;
    this.http = new ToolHttp(new NetworkGuard(settings.allowedHosts()));
    this.paths = new PathGuard(settings.allowedPaths());
  }

  public static Tools create(ToolSettings settings) {
    return new Tools(settings);
  }

  /** The tools allowed by {@code environment}; the default file directory is under {@code dataDir}. */
  public static Tools create(Environment environment, Path dataDir) {
    return new Tools(ToolSettings.from(environment, dataDir));
  }

  public ToolSettings settings() {
    return settings;
  }

  /** The tool a node's {@code tools} entry names, with its {@code on_error} and {@code config}. */
  public ToolBinding bind(ToolSpec spec) {
    BuiltInTool builtIn = BuiltInTool.fromId(spec.name())
        .orElseThrow(() -> new IllegalArgumentException("unknown tool \"" + spec.name() + "\"; the validator should have rejected it"));
    Duration timeout = Duration.ofSeconds(number(spec, "timeout").orElse(ToolBinding.DEFAULT_TIMEOUT.toSeconds()));
    int maxChars = (int) (long) number(spec, "max_result_chars").orElse((long) ToolBinding.DEFAULT_MAX_RESULT_CHARS);
    return new ToolBinding(create(builtIn, spec, timeout), spec.onError().equals("continue"), timeout, maxChars);
  }

  private Tool create(BuiltInTool tool, ToolSpec spec, Duration timeout) {
    int results = (int) (long) number(spec, "num_results").orElse(10L);
    return switch (tool) {
      case SERPER_SEARCH, WEB_SEARCH -> new SearchTool(tool.id(), searchService(spec), results, settings, http, timeout);
      case WEB_SCRAPE -> WebTool.scrape(http, timeout);
      case HTTP_CLIENT -> WebTool.client(http, timeout);
      case FILE_READ -> FileTool.read(paths);
      case FILE_WRITE -> FileTool.write(paths);
      case FILE_GLOB -> FileTool.glob(paths);
      case FILE_MOVE -> FileTool.move(paths);
      case SQL_QUERY -> new SqlTool(
          Optional.ofNullable(spec.config().get("url")).map(String::valueOf), settings,
          (int) (long) number(spec, "max_rows").orElse(1000L), timeout);
      case DATAFRAME_TO_CSV -> new CsvTool();
      case JSON_PARSE -> ParseTool.json();
      case YAML_PARSE -> ParseTool.yaml();
      case SHELL -> CommandTool.shell(settings.allowedCommands(), timeout);
      case PROCESS -> CommandTool.process(settings.allowedCommands(), timeout);
      case ENV_VARS -> new EnvVarsTool(settings);
    };
  }

  /**
   * The keys the workflow's tools need ({@code SERPER_API_KEY}, {@code TAVILY_API_KEY}), each with
   * the nodes that list a tool needing it, in node order: the required tool variables of {@link
   * WorkflowEnvironment} in this process's environment.
   */
  public List<EnvironmentVariable> required(Workflow workflow) {
    return WorkflowEnvironment.of(workflow, settings.environment()::variable).toolVariables().stream()
        .filter(v -> v.need() == EnvironmentVariable.Need.REQUIRED)
        .toList();
  }

  /** {@code config.provider}, else {@code WEB_SEARCH_PROVIDER}, else Serper. */
  private SearchService searchService(ToolSpec spec) {
    return SearchService.of(spec, settings.environment()::variable);
  }

  private static Optional<Long> number(ToolSpec spec, String key) {
    return spec.config().get(key) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
  }
}
