package io.configurableagents.runtime;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.runtime.http.AccessSettings;
import io.configurableagents.runtime.http.ApiKeys;
import io.configurableagents.runtime.jobs.postgres.PostgresSettings;
import io.configurableagents.runtime.llm.LlmClientOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The runtime's settings, read from environment variables (documented in {@code docs/runtime.md}).
 * Every value is checked at start: a bad one stops the process with a message naming the variable.
 *
 * @param workflowFile {@code WORKFLOW_FILE}, the workflow to serve
 * @param port {@code PORT}, the API port (0 picks a free port)
 * @param tracesPort {@code TRACES_PORT}, the traces page port; empty when 0 (off)
 * @param dataDir {@code DATA_DIR}, where jobs (and traces) are kept
 * @param syncTimeout {@code SYNC_TIMEOUT}, how long {@code POST /run} waits before handing over
 * @param maxWait {@code MAX_WAIT}, the largest {@code ?wait=} a caller may ask for
 * @param maxBodyBytes {@code MAX_BODY_BYTES}, the largest request body accepted
 * @param maxInputBytesInFlight {@code MAX_INPUT_BYTES_IN_FLIGHT}, the request bodies that runs not
 *     yet finished may hold in memory together (default: an eighth of the heap)
 * @param shutdownGrace {@code SHUTDOWN_GRACE}, how long runs in flight may finish after SIGTERM
 * @param maxRunsInFlight {@code MAX_RUNS_IN_FLIGHT}, a cap on concurrent runs; empty when 0 (none)
 * @param jobRetention {@code JOB_RETENTION_HOURS}, how long finished jobs stay readable
 * @param jobRetentionCount {@code JOB_RETENTION_COUNT}, how many finished jobs stay readable
 * @param connections {@code MAX_CONNECTIONS} and {@code IDLE_TIMEOUT}, the API listener's limits
 * @param maxProviderAnswerBytes {@code MAX_PROVIDER_ANSWER_BYTES}, the longest provider answer read
 * @param maxProviderConnections {@code MAX_PROVIDER_CONNECTIONS}, the most connections to providers
 *     open at once (default: a quarter of the descriptor limit)
 * @param access {@code API_KEYS}, {@code API_KEYS_FILE}, {@code RATE_LIMIT}, {@code RATE_LIMIT_BURST},
 *     {@code MAX_RUNS_IN_FLIGHT_PER_KEY}: who may call the API, and how often
 * @param jobStore {@code JOB_STORE_URL} (with {@code JOB_STORE_USER}, {@code JOB_STORE_PASSWORD} and
 *     {@code JOB_LEASE_SECONDS}): the PostgreSQL job store shared by replicas; empty for the
 *     embedded store under {@code dataDir}
 */
public record RuntimeConfig(
    Path workflowFile,
    int port,
    OptionalInt tracesPort,
    Path dataDir,
    Duration syncTimeout,
    Duration maxWait,
    long maxBodyBytes,
    long maxInputBytesInFlight,
    Duration shutdownGrace,
    OptionalInt maxRunsInFlight,
    Duration jobRetention,
    int jobRetentionCount,
    ConnectionLimits connections,
    long maxProviderAnswerBytes,
    int maxProviderConnections,
    AccessSettings access,
    Optional<PostgresSettings> jobStore) {

  public RuntimeConfig {
    if (maxWait.compareTo(syncTimeout) < 0) {
      maxWait = syncTimeout;
    }
  }

  /** Reads the settings; every problem is reported at once. */
  public static RuntimeConfig fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, DescriptorLimit.ofThisProcess());
  }

  /** Reads the settings of a process that may hold {@code descriptorLimit} file descriptors. */
  static RuntimeConfig fromEnvironment(Map<String, String> env, OptionalLong descriptorLimit) {
    Reader r = new Reader(env);
    RuntimeConfig config =
        new RuntimeConfig(
            Path.of(r.text("WORKFLOW_FILE", "/app/workflow.yaml")),
            r.integer("PORT", 8000, 0, 65535),
            positive(r.integer("TRACES_PORT", 5000, 0, 65535)),
            Path.of(r.text("DATA_DIR", "/app/data")),
            Duration.ofSeconds(r.integer("SYNC_TIMEOUT", 30, 0, 86_400)),
            Duration.ofSeconds(r.integer("MAX_WAIT", 300, 0, 86_400)),
            r.integer("MAX_BODY_BYTES", 1_048_576, 1, Integer.MAX_VALUE),
            r.integer("MAX_INPUT_BYTES_IN_FLIGHT", defaultInputBytesInFlight(), 1, Integer.MAX_VALUE),
            Duration.ofSeconds(r.integer("SHUTDOWN_GRACE", 20, 0, 3_600)),
            positive(r.integer("MAX_RUNS_IN_FLIGHT", 0, 0, Integer.MAX_VALUE)),
            Duration.ofHours(r.integer("JOB_RETENTION_HOURS", 168, 1, 1_000_000)),
            r.integer("JOB_RETENTION_COUNT", 10_000, 1, Integer.MAX_VALUE),
            new ConnectionLimits(
                r.integer("MAX_CONNECTIONS", ConnectionLimits.defaultMaxConnections(descriptorLimit), 1, Integer.MAX_VALUE),
                Duration.ofSeconds(r.integer("IDLE_TIMEOUT", 75, 1, 86_400))),
            r.integer("MAX_PROVIDER_ANSWER_BYTES", (int) LlmClientOptions.DEFAULT_MAX_ANSWER_BYTES, 1, Integer.MAX_VALUE - 8),
            r.integer("MAX_PROVIDER_CONNECTIONS", ConnectionLimits.defaultMaxProviderConnections(descriptorLimit), 1, Integer.MAX_VALUE),
            access(r),
            r.jobStore());
    if (config.port() != 0 && config.tracesPort().orElse(0) == config.port()) {
      r.problems.add("TRACES_PORT and PORT are both " + config.port() + "; give the traces page another port, or TRACES_PORT=0 to turn it off");
    }
    if (!r.problems.isEmpty()) {
      throw new WorkflowException(
          "invalid runtime configuration:" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", r.problems));
    }
    return config;
  }

  private static AccessSettings access(Reader r) {
    List<String> keys = new ArrayList<>(Arrays.asList(r.text("API_KEYS", "").split(",")));
    keys.addAll(r.keyFile("API_KEYS_FILE"));
    double rate = r.decimal("RATE_LIMIT", 0, 1_000_000);
    int burst = r.integer("RATE_LIMIT_BURST", AccessSettings.RateLimit.defaultBurst(rate), 1, 1_000_000);
    return new AccessSettings(
        ApiKeys.of(keys),
        rate > 0 ? Optional.of(new AccessSettings.RateLimit(rate, burst)) : Optional.empty(),
        positive(r.integer("MAX_RUNS_IN_FLIGHT_PER_KEY", 0, 0, Integer.MAX_VALUE)));
  }

  /** An eighth of the heap: the inputs' copies (prompts, provider requests) take a few times more. */
  private static int defaultInputBytesInFlight() {
    return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / 8);
  }

  private static OptionalInt positive(int value) {
    return value == 0 ? OptionalInt.empty() : OptionalInt.of(value);
  }

  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    String text(String name, String fallback) {
      String value = env.get(name);
      return value == null || value.isBlank() ? fallback : value.trim();
    }

    int integer(String name, int fallback, int min, int max) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value.trim());
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(
          name + "=\"" + shorten(value) + "\" is not a whole number from " + min + " to " + max
              + " (unset it to use the default, " + fallback + ")");
      return fallback;
    }

    /** The PostgreSQL store when {@code JOB_STORE_URL} is set; its user and password alone are a mistake. */
    Optional<PostgresSettings> jobStore() {
      int leaseSeconds = integer("JOB_LEASE_SECONDS", 30, 2, 86_400);
      String url = text("JOB_STORE_URL", "");
      if (url.isEmpty()) {
        for (String name : List.of("JOB_STORE_USER", "JOB_STORE_PASSWORD")) {
          if (!text(name, "").isEmpty()) {
            problems.add(name + " is set but JOB_STORE_URL is not: set JOB_STORE_URL (" + PostgresSettings.URL_PREFIX
                + "host:5432/database) to keep jobs in PostgreSQL, or unset " + name);
          }
        }
        return Optional.empty();
      }
      if (!url.startsWith(PostgresSettings.URL_PREFIX)) {
        // the parameters may hold a password: never echoed
        String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) + "?..." : url;
        problems.add("JOB_STORE_URL=\"" + shorten(shown) + "\" is not a PostgreSQL JDBC URL: write it as "
            + PostgresSettings.URL_PREFIX + "host:5432/database (or unset it to keep jobs in DATA_DIR)");
        return Optional.empty();
      }
      String password = env.get("JOB_STORE_PASSWORD");
      return Optional.of(
          new PostgresSettings(
              url,
              Optional.of(text("JOB_STORE_USER", "")).filter(user -> !user.isEmpty()),
              Optional.ofNullable(password).filter(p -> !p.isEmpty()),
              Duration.ofSeconds(leaseSeconds)));
    }

    double decimal(String name, double min, double max) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        return 0;
      }
      try {
        double parsed = Double.parseDouble(value.trim());
        if (parsed >= min && parsed <= max) {
          return parsed;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(name + "=\"" + shorten(value) + "\" is not a number from " + min + " to " + max + " (unset it for no limit)");
      return 0;
    }

    /** One key a line (blank lines and lines starting with # ignored); the problems never show a key. */
    List<String> keyFile(String name) {
      String value = env.get(name);
      if (value == null || value.isBlank()) {
        return List.of();
      }
      Path file = Path.of(value.trim());
      try {
        List<String> keys = Files.readAllLines(file).stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (keys.isEmpty()) {
          problems.add(name + "=" + file + " holds no key (one key a line); put the keys in it, or unset " + name);
        }
        return keys;
      } catch (IOException | RuntimeException e) {
        problems.add(name + "=" + file + " cannot be read (" + e.getClass().getSimpleName() + "); mount the file or unset " + name);
        return List.of();
      }
    }

    private static String shorten(String value) {
      return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
  }
}
