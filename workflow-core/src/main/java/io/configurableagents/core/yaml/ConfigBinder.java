package io.configurableagents.core.yaml;

import io.configurableagents.core.model.ExecutionSpec;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.MlflowSpec;
import io.configurableagents.core.model.WorkflowConfig;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.WorkflowDraft.Feature;
import io.configurableagents.core.validate.WorkflowDraft.FeatureUse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code config} (docs/workflow-format.md, "Config" and "Top level") and the top-level {@code optimization} and {@code memory}. */
final class ConfigBinder {
  private final Diagnostics out;
  private final List<FeatureUse> features;

  ConfigBinder(Diagnostics out, List<FeatureUse> features) {
    this.out = out;
    this.features = features;
  }

  WorkflowConfig bind(Optional<YamlNode> node) {
    return node.flatMap(n -> MapReader.of(n, List.of("config"), "config", Keys.CONFIG, out)).map(this::config)
        .orElse(WorkflowConfig.DEFAULT);
  }

  private WorkflowConfig config(MapReader r) {
    LlmSpec llm = r.node("llm").flatMap(v -> LlmBinder.bind(v, r.path("llm"), "config.llm", out)).orElse(LlmSpec.EMPTY);
    ExecutionSpec execution = r.map("execution", "config.execution", Keys.EXECUTION).map(this::execution).orElse(ExecutionSpec.DEFAULT);
    MlflowSpec mlflow = r.map("observability", "config.observability", Keys.OBSERVABILITY).flatMap(this::observability)
        .orElse(MlflowSpec.DEFAULT);
    r.map("storage", "config.storage", Keys.STORAGE).ifPresent(s -> {
      s.string("backend");
      s.string("path");
      out.warning(r.keyAt("storage").orElse(s.at()), "config.storage is not used by this runtime: it keeps jobs and traces"
          + " itself, under DATA_DIR (/app/data in the container; docs/runtime.md)");
    });
    r.map("mlflow", "config.mlflow", Keys.CONFIG_MLFLOW).ifPresent(m -> {
      m.string("experiment");
      m.string("run_name");
    });
    r.map("ab_test", "config.ab_test", Keys.AB_TEST).ifPresent(this::abTest);
    r.node("gates").ifPresent(this::gates);
    return new WorkflowConfig(llm, execution, mlflow);
  }

  private ExecutionSpec execution(MapReader r) {
    ExecutionSpec d = ExecutionSpec.DEFAULT;
    long timeout = r.integer("timeout", 1, Long.MAX_VALUE).orElse(d.timeout().toSeconds());
    long attempts = r.integer("max_retries", 0, 100).orElse((long) d.maxAttempts());
    if (attempts == 0) {
      out.error(r.node("max_retries").get().at(), "config.execution: max_retries: 0 would make every LLM node fail: it counts attempts, not retries",
          "use max_retries: 1 for a single attempt");
      attempts = d.maxAttempts();
    }
    long steps = r.integer("max_steps", 1, 1_000_000).orElse((long) d.maxSteps());
    long toolRounds = r.integer("max_tool_rounds", 1, NodeBinder.MAX_TOOL_ROUNDS).orElse((long) d.maxToolRounds());
    return new ExecutionSpec(Duration.ofSeconds(timeout), (int) attempts, (int) steps, (int) toolRounds);
  }

  private Optional<MlflowSpec> observability(MapReader r) {
    r.map("logging", "config.observability.logging", Keys.LOGGING).ifPresent(l -> {
      l.oneOf("level", List.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), true);
      notUsed(l, "level", "the runtime logs at INFO to the container's output, whatever the level");
    });
    return r.map("mlflow", "config.observability.mlflow", Keys.MLFLOW).map(m -> {
      MlflowSpec d = MlflowSpec.DEFAULT;
      m.bool("log_artifacts");
      m.oneOf("artifact_level", List.of("minimal", "standard", "full"), false);
      m.bool("async_logging");
      m.integer("retention_days", 0, Long.MAX_VALUE);
      m.bool("redact_pii");
      String noArtifacts = "no MLflow artifacts are written; a run's inputs, outputs, prompts and answers are in its trace"
          + " (the traces page, and the spans exported to MLflow)";
      notUsed(m, "log_artifacts", noArtifacts);
      notUsed(m, "artifact_level", noArtifacts);
      notUsed(m, "async_logging", "traces are always recorded and exported in the background: a run never waits for them");
      notUsed(m, "retention_days", "traces are kept TRACES_RETENTION_HOURS (default 168) and at most TRACES_RETENTION_COUNT"
          + " runs; set those environment variables (docs/traces.md)");
      notUsed(m, "redact_pii", "traces are not searched for personal data; only the values of secret environment variables"
          + " are replaced by ***; log_prompts: false keeps prompts and answers out of traces");
      Optional<String> trackingUri = m.string("tracking_uri");
      trackingUri.filter(uri -> !isHttp(uri)).ifPresent(uri -> out.warning(m.node("tracking_uri").get().at(),
          "config.observability.mlflow.tracking_uri \"" + uri + "\" is not an http:// or https:// URL: traces are not"
              + " exported to MLflow (they stay on the runtime's traces page)",
          "point it at an MLflow server, e.g. http://mlflow:5000, or set MLFLOW_TRACKING_URI where the service runs"));
      return new MlflowSpec(
          m.bool("enabled").orElse(d.enabled()),
          trackingUri,
          m.string("experiment_name").orElse(d.experimentName()),
          m.string("experiment_id"),
          m.string("run_name"),
          m.bool("log_prompts").orElse(d.logPrompts()));
    });
  }

  /** A key the format accepts and the runtime ignores: a warning at the key saying what happens instead. */
  private void notUsed(MapReader r, String key, String instead) {
    r.keyAt(key).ifPresent(at -> out.warning(at, r.context() + "." + key + " is not used by this runtime: " + instead));
  }

  private static boolean isHttp(String uri) {
    String lower = uri.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  private void abTest(MapReader r) {
    boolean enabled = r.bool("enabled").orElse(false);
    r.requiredString("experiment");
    r.integer("run_count", 1, 10);
    r.bool("parallel");
    r.required("variants").ifPresent(v -> {
      if (!(v instanceof YamlNode.Sequence list)) {
        out.error(v.at(), "config.ab_test: variants must be a list, not " + v.describe());
        return;
      }
      for (int i = 0; i < list.items().size(); i++) {
        MapReader.of(list.items().get(i), r.path("variants", i), "config.ab_test.variants[" + i + "]", Keys.VARIANT, out)
            .ifPresent(variant -> {
              variant.requiredString("name");
              variant.requiredString("prompt");
              variant.string("node_id");
              variant.node("config_overrides").filter(c -> !(c instanceof YamlNode.Mapping)).ifPresent(c ->
                  out.error(c.at(), variant.context() + ": config_overrides must be a mapping, not " + c.describe()));
            });
      }
    });
    if (enabled) {
      features.add(new FeatureUse(Feature.AB_TEST, "", r.path()));
    }
  }

  private void gates(YamlNode node) {
    if (node instanceof YamlNode.Sequence) {
      out.error(node.at(), "config.gates must be a mapping {gates: [...], on_fail: ...}, not a list",
          "move the list under a gates key: gates: {gates: [{metric: ..., max: ...}], on_fail: warn}");
      return;
    }
    MapReader.of(node, List.of("config", "gates"), "config.gates", Keys.GATES, out).ifPresent(r -> {
      r.oneOf("on_fail", List.of("warn", "fail", "block_deploy"), false);
      r.list("gates").ifPresent(list -> {
        for (int i = 0; i < list.items().size(); i++) {
          MapReader.of(list.items().get(i), r.path("gates", i), "config.gates.gates[" + i + "]", Keys.GATE, out).ifPresent(g -> {
            g.requiredString("metric");
            g.decimal("max", -Double.MAX_VALUE, Double.MAX_VALUE);
            g.decimal("min", -Double.MAX_VALUE, Double.MAX_VALUE);
          });
        }
      });
      features.add(new FeatureUse(Feature.GATES, "", List.of("config", "gates")));
    });
  }

  /** The top-level {@code optimization} block (DSPy in the reference; not run here). */
  void optimization(Optional<YamlNode> node) {
    node.flatMap(n -> MapReader.of(n, List.of("optimization"), "optimization", Keys.OPTIMIZATION, out)).ifPresent(o -> {
      o.string("strategy");
      o.string("metric");
      o.integer("max_demos", 1, Long.MAX_VALUE);
      if (o.bool("enabled").orElse(false)) {
        features.add(new FeatureUse(Feature.OPTIMIZATION, "", List.of("optimization")));
      }
    });
  }

  /** The top-level {@code memory} block. */
  void memory(Optional<YamlNode> node) {
    node.flatMap(n -> MapReader.of(n, List.of("memory"), "memory", Keys.MEMORY, out)).ifPresent(m -> {
      m.oneOf("default_scope", List.of("agent", "workflow", "node"), false);
      if (m.bool("enabled").orElse(false)) {
        features.add(new FeatureUse(Feature.MEMORY, "", List.of("memory")));
      }
    });
  }
}
