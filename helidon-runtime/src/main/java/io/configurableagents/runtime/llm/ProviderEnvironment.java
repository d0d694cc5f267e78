package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowEnvironment;
import java.util.List;
import java.util.Objects;

/**
 * The environment variables a workflow's providers need (their API keys, from {@link
 * WorkflowEnvironment#providerKeys()}), checked against an {@link Environment} before any run:
 * readiness reports {@link #missingIn}, and {@link #requirePresentIn} fails a run at once naming
 * each missing variable.
 */
public final class ProviderEnvironment {
  private final List<EnvironmentVariable> required;

  private ProviderEnvironment(List<EnvironmentVariable> required) {
    this.required = List.copyOf(required);
  }

  /** The keys of {@code Workflow.providers()}, each with the nodes that use its provider. */
  public static ProviderEnvironment of(Workflow workflow) {
    return new ProviderEnvironment(WorkflowEnvironment.of(workflow).providerKeys());
  }

  /** Every variable the workflow's providers need, in node order. */
  public List<EnvironmentVariable> required() {
    return required;
  }

  /** The needed variables that are unset or blank in {@code environment}, in node order. */
  public List<EnvironmentVariable> missingIn(Environment environment) {
    Objects.requireNonNull(environment, "environment");
    return required.stream().filter(v -> environment.variable(v.name()).isEmpty()).toList();
  }

  /** @throws MissingEnvironmentException naming every missing variable and how to set it */
  public void requirePresentIn(Environment environment) {
    List<EnvironmentVariable> missing = missingIn(environment);
    if (!missing.isEmpty()) {
      throw MissingEnvironmentException.forVariables(missing);
    }
  }
}
