package io.configurableagents.core.yaml;

import io.configurableagents.core.validate.ValidationReport;
import java.util.Arrays;
import java.util.Locale;

/**
 * Load + validate a generated 300-node workflow, after warm-up; prints the median, p99 and max.
 * Not a unit test (speed is measured, not asserted). Run it with:
 *
 * <pre>
 * ./mvnw -B -q -pl workflow-core test-compile exec:java \
 *     -Dexec.mainClass=io.configurableagents.core.yaml.LoadBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class LoadBenchmark {
  private static final int NODES = 300;
  private static final int WARM_UP = 300;
  private static final int RUNS = 300;

  private LoadBenchmark() {}

  public static void main(String[] args) {
    String yaml = generate(NODES);
    ValidationReport check = WorkflowLoader.fromString("bench.yaml", yaml).validate();
    if (check.hasErrors() || check.workflow().isEmpty()) {
      throw new IllegalStateException("the generated workflow is not valid:\n" + check.format());
    }
    for (int i = 0; i < WARM_UP; i++) {
      WorkflowLoader.fromString("bench.yaml", yaml).validate();
    }
    long[] micros = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      WorkflowLoader.fromString("bench.yaml", yaml).validate();
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf(Locale.ROOT, "load+validate of a %d-node workflow (%d KB), %d runs after %d warm-up runs:%n",
        NODES, yaml.length() / 1024, RUNS, WARM_UP);
    System.out.printf(Locale.ROOT, "  median %.2f ms, p99 %.2f ms, max %.2f ms (target: under 100 ms)%n",
        micros[RUNS / 2] / 1000.0, micros[(int) Math.ceil(RUNS * 0.99) - 1] / 1000.0, micros[RUNS - 1] / 1000.0);
    System.out.printf(Locale.ROOT, "  on %s, %d cores, load average %s%n", System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * A chain of {@code n} nodes, each reading the previous node's field and writing its own; every
   * tenth node routes on a condition (back to the chain's start of its block, or on), every
   * twentieth has an input mapping, and a typed object field is read by dotted paths.
   */
  static String generate(int n) {
    StringBuilder y = new StringBuilder();
    y.append("schema_version: \"1.0\"\nflow:\n  name: benchmark\n  version: \"1.0.0\"\nstate:\n  fields:\n");
    y.append("    topic: {type: str, required: true, description: What it is about}\n");
    y.append("    profile:\n      type: object\n      schema: {name: str, age: int, tags: \"list[str]\"}\n");
    for (int i = 0; i < n; i++) {
      y.append("    f").append(i).append(": {type: str, default: \"\"}\n");
      y.append("    score").append(i).append(": {type: int, default: 0}\n");
    }
    y.append("nodes:\n");
    for (int i = 0; i < n; i++) {
      String previous = i == 0 ? "topic" : "f" + (i - 1);
      y.append("  - id: n").append(i).append('\n');
      if (i % 20 == 0) {
        y.append("    inputs:\n      who: \"{state.profile.name} ({state.profile.age})\"\n");
      }
      y.append("    prompt: |\n");
      y.append("      Step ").append(i).append(" about {state.topic} for {profile.name}.\n");
      y.append("      Build on this: {state.").append(previous).append("}\n");
      y.append("      Tags so far: {state.profile.tags}").append(i % 20 == 0 ? ", for {who}" : "").append('\n');
      y.append("    outputs: [f").append(i).append(", score").append(i).append("]\n");
      y.append("    output_schema:\n      type: object\n      fields:\n");
      y.append("        - {name: f").append(i).append(", type: str, description: The text of step ").append(i).append("}\n");
      y.append("        - {name: score").append(i).append(", type: int}\n");
    }
    y.append("edges:\n  - {from: START, to: n0}\n");
    for (int i = 0; i < n; i++) {
      String next = i + 1 < n ? "n" + (i + 1) : "END";
      if (i % 10 == 9) {
        y.append("  - from: n").append(i).append("\n    routes:\n");
        y.append("      - {condition: {logic: \"state.score").append(i).append(" < 5 and state.f").append(i)
            .append(" != ''\"}, to: n").append(i - 9).append("}\n");
        y.append("      - {condition: {logic: default}, to: ").append(next).append("}\n");
      } else {
        y.append("  - {from: n").append(i).append(", to: ").append(next).append("}\n");
      }
    }
    y.append("config:\n  llm: {provider: openai, model: gpt-4o-mini, temperature: 0.3}\n  execution: {timeout: 600, max_retries: 3}\n");
    return y.toString();
  }
}
