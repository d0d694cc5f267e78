package io.configurableagents.runtime.trace;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.MlflowSpec;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How runs are traced: whether prompts are kept, how long traces are stored, where they are
 * exported. Read once at start from the workflow's {@code config.observability.mlflow} and the
 * environment (documented in {@code docs/traces.md}).
 *
 * @param logPrompts whether prompts, responses and answers are stored and exported (else sizes only)
 * @param secrets values that must never appear in a trace (API keys, exporter credentials)
 * @param serviceName the OpenTelemetry {@code service.name} of exported spans
 * @param resourceAttributes more resource attributes for exported spans ({@code OTEL_RESOURCE_ATTRIBUTES})
 * @param maxValueChars {@code TRACES_MAX_VALUE_CHARS}: the characters a prompt, a response, an
 *     input, an output or a state value keeps in a trace (the rest is cut, with a marker)
 */
public record TraceSettings(
    boolean logPrompts,
    List<String> secrets,
    TraceRetention retention,
    List<ExportTarget> exportTargets,
    String serviceName,
    Map<String, String> resourceAttributes,
    int maxValueChars) {

  /** Environment variables whose values are secrets, by name. */
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|HEADERS).*", Pattern.CASE_INSENSITIVE);

  static final int MIN_VALUE_CHARS = 100;
  static final int MAX_VALUE_CHARS = 100_000_000;

  public TraceSettings {
    secrets = List.copyOf(secrets);
    Objects.requireNonNull(retention, "retention");
    exportTargets = List.copyOf(exportTargets);
    Objects.requireNonNull(serviceName, "serviceName");
    resourceAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(resourceAttributes));
    if (maxValueChars < MIN_VALUE_CHARS) {
      throw new IllegalArgumentException("maxValueChars must be at least " + MIN_VALUE_CHARS + ": " + maxValueChars);
    }
  }

  /** Prompts logged, default retention, no export, no secrets: for tests and tools. */
  public static TraceSettings local(String serviceName) {
    return new TraceSettings(true, List.of(), TraceRetention.DEFAULT, List.of(), serviceName, Map.of(), ContentPolicy.DEFAULT_MAX_CHARS);
  }

  /**
   * Reads the settings of a workflow named {@code workflowName}; every problem with a variable is
   * reported at once, naming it.
   */
  public static TraceSettings of(String workflowName, MlflowSpec mlflow, Map<String, String> env) {
    EnvReader r = new EnvReader(env);
    boolean logPrompts = r.bool("TRACES_LOG_PROMPTS", mlflow.logPrompts());
    TraceRetention retention =
        new TraceRetention(
            Duration.ofHours(r.integer("TRACES_RETENTION_HOURS", 168, 1, 1_000_000)),
            r.integer("TRACES_RETENTION_COUNT", 1_000, 1, 1_000_000));
    List<ExportTarget> targets = new ExportTargets(r).of(mlflow);
    String service = r.text("OTEL_SERVICE_NAME").orElse(workflowName);
    Map<String, String> resource = r.pairs("OTEL_RESOURCE_ATTRIBUTES");
    int maxValueChars = r.integer("TRACES_MAX_VALUE_CHARS", ContentPolicy.DEFAULT_MAX_CHARS, MIN_VALUE_CHARS, MAX_VALUE_CHARS);
    r.failOnProblems();
    return new TraceSettings(logPrompts, secretValues(env), retention, targets, service, resource, maxValueChars);
  }

  ContentPolicy contentPolicy() {
    return new ContentPolicy(logPrompts, secrets, maxValueChars);
  }

  private static List<String> secretValues(Map<String, String> env) {
    return env.entrySet().stream()
        .filter(e -> SECRET_NAME.matcher(e.getKey()).matches())
        .flatMap(e -> secretParts(e.getKey(), e.getValue()))
        .toList();
  }

  /**
   * A headers variable holds {@code k=v} pairs, {@code API_KEYS} comma-separated keys: each value,
   * each key, is a secret on its own.
   */
  private static Stream<String> secretParts(String name, String value) {
    if (name.equals("API_KEYS")) {
      return Stream.concat(Stream.of(value), Stream.of(value.split(",")).map(String::strip).filter(k -> !k.isEmpty()));
    }
    if (!name.toUpperCase(Locale.ROOT).contains("HEADERS")) {
      return Stream.of(value);
    }
    return Stream.concat(
        Stream.of(value), EnvReader.parsePairs(value).values().stream());
  }

  static WorkflowException invalid(List<String> problems) {
    return new WorkflowException(
        "invalid traces configuration:" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
  }
}
