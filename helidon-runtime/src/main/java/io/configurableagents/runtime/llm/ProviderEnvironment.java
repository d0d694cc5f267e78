package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The environment variables a workflow's providers need (their API keys), computed once from the
 * workflow, checked against an {@link Environment} before any run: readiness reports {@link
 * #missingIn}, and {@link #requirePresentIn} fails a run at once naming each missing variable.
 */
public final class ProviderEnvironment {
  private final List<RequiredVariable> required;

  private ProviderEnvironment(List<RequiredVariable> required) {
    this.required = List.copyOf(required);
  }

  /** The keys of {@code Workflow.providers()}, each with the nodes that use its provider. */
  public static ProviderEnvironment of(Workflow workflow) {
    List<RequiredVariable> required = new ArrayList<>();
    for (Provider provider : workflow.providers()) {
      provider.apiKeyVariable().ifPresent(v -> required.add(new RequiredVariable(v, provider, nodesUsing(workflow, provider))));
    }
    return new ProviderEnvironment(required);
  }

  private static List<String> nodesUsing(Workflow workflow, Provider provider) {
    return workflow.nodes().stream()
        .filter(node -> !node.isCodeNode() && workflow.llmFor(node).effectiveProvider() == provider)
        .map(NodeSpec::id)
        .toList();
  }

  /** Every variable the workflow needs, in node order (same names as {@code Workflow.requiredEnvironment()}). */
  public List<RequiredVariable> required() {
    return required;
  }

  /** The needed variables that are unset or blank in {@code environment}, in node order. */
  public List<RequiredVariable> missingIn(Environment environment) {
    Objects.requireNonNull(environment, "environment");
    return required.stream().filter(v -> environment.variable(v.name()).isEmpty()).toList();
  }

  /** @throws MissingEnvironmentException naming every missing variable and how to set it */
  public void requirePresentIn(Environment environment) {
    List<RequiredVariable> missing = missingIn(environment);
    if (!missing.isEmpty()) {
      throw MissingEnvironmentException.forVariables(missing);
    }
  }
}
