package io.configurableagents.core.model;

import io.configurableagents.core.model.EnvironmentVariable.Need;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The environment variables the runtime reads for a workflow: its providers' keys
 * (docs/providers.md), then what its tools need and accept (docs/tools.md, Variables), each once,
 * with the nodes that use it. The one list behind the runtime's readiness, the generated {@code
 * .env.example} and README, and the deploy's env-file check.
 *
 * <pre>
 * WorkflowEnvironment env = WorkflowEnvironment.of(workflow, name -&gt; Optional.ofNullable(System.getenv(name)));
 * env.required();   // OPENAI_API_KEY, SERPER_API_KEY...: runs fail at once without them
 * </pre>
 */
public final class WorkflowEnvironment {
  public static final String ALLOWED_HOSTS = "ALLOWED_HOSTS";
  public static final String ALLOWED_PATHS = "ALLOWED_PATHS";
  public static final String SQL_QUERY_URL = "SQL_QUERY_URL";
  public static final String ALLOWED_COMMANDS = "ALLOWED_COMMANDS";
  public static final String ALLOWED_ENV_VARS = "ALLOWED_ENV_VARS";

  private static final Map<String, String> PURPOSES = Map.ofEntries(
      Map.entry(SearchService.SERPER.keyVariable(), "the API key of Serper (serper.dev), the web search service"),
      Map.entry(SearchService.TAVILY.keyVariable(), "the API key of Tavily (tavily.com), the other web search service"),
      Map.entry(SearchService.CHOICE_VARIABLE,
          "serper (default) or tavily: the service web_search calls; with tavily, set TAVILY_API_KEY instead of SERPER_API_KEY"),
      Map.entry(SearchService.SERPER.baseUrlVariable(),
          "Serper's address, default " + SearchService.SERPER.defaultBaseUrl() + " (another one for a proxy)"),
      Map.entry(SearchService.TAVILY.baseUrlVariable(),
          "Tavily's address, default " + SearchService.TAVILY.defaultBaseUrl() + " (another one for a proxy)"),
      Map.entry(ALLOWED_HOSTS, "loopback, link-local or private hosts the network tools may reach anyway, comma-separated"
          + " host or host:port (none by default: they are refused)"),
      Map.entry(ALLOWED_PATHS, "the directories the file tools may use, comma-separated (default DATA_DIR/files,"
          + " /app/data/files in the container)"),
      Map.entry(SQL_QUERY_URL, "the JDBC URL of sql_query's database, e.g."
          + " jdbc:postgresql://db:5432/shop?user=reader&password=... or jdbc:sqlite:/app/data/files/shop.db"),
      Map.entry(ALLOWED_COMMANDS, "the programs shell and process may run, comma-separated names (none by default:"
          + " every command is refused)"),
      Map.entry(ALLOWED_ENV_VARS, "the variables env_vars may read, comma-separated names (none by default; never a key)"));

  private final List<EnvironmentVariable> providerKeys;
  private final List<EnvironmentVariable> toolVariables;

  private WorkflowEnvironment(List<EnvironmentVariable> providerKeys, List<EnvironmentVariable> toolVariables) {
    this.providerKeys = List.copyOf(providerKeys);
    this.toolVariables = List.copyOf(toolVariables);
  }

  /** The variables under the defaults (nothing set): {@code web_search} calls Serper. */
  public static WorkflowEnvironment of(Workflow workflow) {
    return of(workflow, name -> Optional.empty());
  }

  /**
   * The variables of {@code workflow} in {@code environment}, which picks the service of a {@code
   * web_search} without {@code config.provider} ({@code WEB_SEARCH_PROVIDER}).
   *
   * @param environment a variable's value, absent when unset or blank
   */
  public static WorkflowEnvironment of(Workflow workflow, Function<String, Optional<String>> environment) {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(environment, "environment");
    List<EnvironmentVariable> providerKeys = new ArrayList<>();
    for (Provider provider : workflow.providers()) {
      provider.apiKeyVariable().ifPresent(name -> providerKeys.add(new EnvironmentVariable(name, Need.REQUIRED,
          "the " + provider.id() + " provider", nodesUsing(workflow, provider), "the API key of the " + provider.id() + " provider")));
    }
    Uses uses = new Uses();
    for (NodeSpec node : workflow.nodes()) {
      for (ToolSpec tool : node.tools()) {
        BuiltInTool.fromId(tool.name())
            .ifPresent(builtIn -> read(builtIn, tool, environment, (name, need) -> uses.add(name, need, tool.name(), node.id())));
      }
    }
    return new WorkflowEnvironment(providerKeys, uses.variables());
  }

  private static List<String> nodesUsing(Workflow workflow, Provider provider) {
    return workflow.nodes().stream()
        .filter(node -> !node.isCodeNode() && workflow.llmFor(node).effectiveProvider() == provider)
        .map(NodeSpec::id)
        .toList();
  }

  /** What one tool entry reads (docs/tools.md). */
  private static void read(BuiltInTool builtIn, ToolSpec tool, Function<String, Optional<String>> environment,
      BiConsumer<String, Need> out) {
    switch (builtIn) {
      case SERPER_SEARCH, WEB_SEARCH -> {
        SearchService service = SearchService.of(tool, environment);
        out.accept(service.keyVariable(), Need.REQUIRED);
        if (SearchService.chosenByEnvironment(tool)) {
          out.accept(SearchService.CHOICE_VARIABLE, Need.OPTIONAL);
          Stream.of(SearchService.values()).filter(other -> other != service).forEach(other -> out.accept(other.keyVariable(), Need.OPTIONAL));
          Stream.of(SearchService.values()).forEach(any -> out.accept(any.baseUrlVariable(), Need.OPTIONAL));
        } else {
          out.accept(service.baseUrlVariable(), Need.OPTIONAL);
        }
        out.accept(ALLOWED_HOSTS, Need.OPTIONAL);
      }
      case WEB_SCRAPE, HTTP_CLIENT -> out.accept(ALLOWED_HOSTS, Need.OPTIONAL);
      case FILE_READ, FILE_WRITE, FILE_GLOB, FILE_MOVE -> out.accept(ALLOWED_PATHS, Need.OPTIONAL);
      case SQL_QUERY -> {
        if (!(tool.config().get("url") instanceof String)) {
          out.accept(SQL_QUERY_URL, Need.NEEDED);
        }
      }
      case SHELL, PROCESS -> out.accept(ALLOWED_COMMANDS, Need.NEEDED);
      case ENV_VARS -> out.accept(ALLOWED_ENV_VARS, Need.NEEDED);
      case JSON_PARSE, YAML_PARSE, DATAFRAME_TO_CSV -> {
        // nothing from the environment
      }
    }
  }

  /** The providers' keys, in node order (all {@link Need#REQUIRED}). */
  public List<EnvironmentVariable> providerKeys() {
    return providerKeys;
  }

  /** What the tools read, in the order the nodes first use them. */
  public List<EnvironmentVariable> toolVariables() {
    return toolVariables;
  }

  /** The providers' keys, then the tools' variables. */
  public List<EnvironmentVariable> variables() {
    return Stream.concat(providerKeys.stream(), toolVariables.stream()).toList();
  }

  /** The variables without which every run fails at once: the providers' keys, then the search tools'. */
  public List<EnvironmentVariable> required() {
    return variables().stream().filter(v -> v.need() == Need.REQUIRED).toList();
  }

  /** Every use of each variable, merged: the strongest need wins, with the tools and nodes that need it that much. */
  private static final class Uses {
    private final Map<String, Use> byName = new LinkedHashMap<>();

    void add(String name, Need need, String tool, String node) {
      Use use = byName.get(name);
      if (use == null || need.compareTo(use.need) < 0) {
        use = new Use(need);
        byName.put(name, use);
      } else if (need.compareTo(use.need) > 0) {
        return;
      }
      addOnce(use.tools, tool);
      addOnce(use.nodes, node);
    }

    List<EnvironmentVariable> variables() {
      List<EnvironmentVariable> variables = new ArrayList<>();
      byName.forEach((name, use) -> variables.add(new EnvironmentVariable(name, use.need, user(use.tools), use.nodes, PURPOSES.get(name))));
      return variables;
    }

    /** {@code the serper_search tool}, {@code the serper_search and web_search tools}. */
    private static String user(List<String> tools) {
      if (tools.size() == 1) {
        return "the " + tools.get(0) + " tool";
      }
      return "the " + String.join(", ", tools.subList(0, tools.size() - 1)) + " and " + tools.get(tools.size() - 1) + " tools";
    }

    private static void addOnce(List<String> list, String value) {
      if (!list.contains(value)) {
        list.add(value);
      }
    }

    private static final class Use {
      final Need need;
      final List<String> tools = new ArrayList<>();
      final List<String> nodes = new ArrayList<>();

      Use(Need need) {
        this.need = need;
      }
    }
  }
}
