package io.configurableagents.core.yaml;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The keys each mapping of the format may have (docs/workflow-format.md, "Top level" to "Config"). */
final class Keys {
  static final Set<String> TOP =
      of("schema_version", "flow", "state", "nodes", "edges", "optimization", "memory", "config");
  static final Set<String> FLOW = of("name", "description", "version");
  static final Set<String> STATE = of("fields");
  static final Set<String> FIELD = of("type", "required", "default", "description", "schema", "schema_");
  static final Set<String> NODE =
      of("id", "description", "inputs", "prompt", "output_schema", "outputs", "tools", "llm", "memory",
          "sandbox", "code", "optimize", "log_prompts", "log_artifacts", "mlflow", "max_tool_rounds");
  static final Set<String> OUTPUT_SCHEMA = of("type", "fields", "description");
  static final Set<String> OUTPUT_FIELD = of("name", "type", "description");
  static final Set<String> TOOL = of("name", "on_error", "config");
  static final Set<String> LLM = of("provider", "model", "temperature", "max_tokens", "api_base");
  static final Set<String> MEMORY = of("enabled", "default_scope");
  static final Set<String> SANDBOX = of("mode", "enabled", "network", "preset", "resources", "timeout");
  static final Set<String> OPTIMIZE = of("enabled", "metric", "strategy", "max_demos");
  static final Set<String> NODE_MLFLOW = of("experiment", "run_name");
  static final Set<String> EDGE = of("from", "from_", "to", "condition", "routes", "loop", "parallel");
  static final Set<String> ROUTE = of("condition", "to");
  static final Set<String> ROUTE_CONDITION = of("logic");
  static final Set<String> LOOP = of("condition_field", "max_iterations", "exit_to");
  static final Set<String> PARALLEL = of("items_field", "target_node", "collect_field");
  static final Set<String> CONFIG =
      of("llm", "execution", "observability", "storage", "mlflow", "ab_test", "gates");
  static final Set<String> EXECUTION = of("timeout", "max_retries", "max_steps", "max_tool_rounds");
  static final Set<String> OBSERVABILITY = of("mlflow", "logging");
  static final Set<String> MLFLOW =
      of("enabled", "tracking_uri", "experiment_name", "experiment_id", "run_name", "log_prompts",
          "log_artifacts", "artifact_level", "async_logging", "retention_days", "redact_pii");
  static final Set<String> LOGGING = of("level");
  static final Set<String> STORAGE = of("backend", "path");
  static final Set<String> CONFIG_MLFLOW = of("experiment", "run_name");
  static final Set<String> AB_TEST = of("enabled", "experiment", "variants", "run_count", "parallel");
  static final Set<String> VARIANT = of("name", "prompt", "config_overrides", "node_id");
  static final Set<String> GATES = of("gates", "on_fail");
  static final Set<String> GATE = of("metric", "max", "min");
  static final Set<String> OPTIMIZATION = of("enabled", "strategy", "metric", "max_demos");

  private Keys() {}

  /** A hint for a key that users put in the wrong place (known from the docs and examples). */
  static java.util.Optional<String> misplaced(String key, List<Object> path) {
    String where = path.isEmpty() ? "" : path.get(0) + "/" + (path.size() - 1);
    String hint = switch (where + ":" + key) {
      case "config/0:memory" -> "memory is read at the top level and on nodes, not under config";
      case ":observability" -> "observability belongs under config: config.observability";
      case ":name", ":description", ":version" -> "in the schema_version \"1.0\" format this is flow." + key;
      case "nodes/1:name" -> "a node is named by its id; use description for a longer text";
      default -> null;
    };
    return java.util.Optional.ofNullable(hint);
  }

  private static Set<String> of(String... keys) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
  }
}
