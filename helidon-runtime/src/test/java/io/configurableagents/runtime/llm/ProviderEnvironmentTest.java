package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configurableagents.core.expr.Template;
import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderEnvironmentTest {
  /** config.llm is anthropic; 'draft' keeps it, 'polish' uses openai, 'local' ollama, 'code' is Python. */
  final Workflow workflow =
      workflow(
          new LlmSpec(Optional.of(Provider.ANTHROPIC), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
          node("draft", Optional.empty(), false),
          node("polish", Optional.of(Provider.OPENAI), false),
          node("local", Optional.of(Provider.OLLAMA), false),
          node("code", Optional.of(Provider.GOOGLE), true),
          node("review", Optional.of(Provider.OPENAI), false));

  @Test
  void theRequiredVariablesAreTheKeysOfTheProvidersOfLlmNodesInNodeOrder() {
    ProviderEnvironment environment = ProviderEnvironment.of(workflow);

    assertThat(environment.required())
        .containsExactly(
            new EnvironmentVariable("ANTHROPIC_API_KEY", EnvironmentVariable.Need.REQUIRED, "the anthropic provider",
                List.of("draft"), "the API key of the anthropic provider"),
            new EnvironmentVariable("OPENAI_API_KEY", EnvironmentVariable.Need.REQUIRED, "the openai provider",
                List.of("polish", "review"), "the API key of the openai provider"));
    assertThat(environment.required()).extracting(EnvironmentVariable::name).containsExactlyElementsOf(workflow.requiredEnvironment());
  }

  @Test
  void missingVariablesAreTheUnsetAndBlankOnes() {
    Environment env = Environment.of(Map.of("ANTHROPIC_API_KEY", "sk-ant", "OPENAI_API_KEY", " "));

    assertThat(ProviderEnvironment.of(workflow).missingIn(env)).extracting(EnvironmentVariable::name).containsExactly("OPENAI_API_KEY");
    assertThat(ProviderEnvironment.of(workflow).missingIn(Environment.of(Map.of("ANTHROPIC_API_KEY", "a", "OPENAI_API_KEY", "b"))))
        .isEmpty();
  }

  @Test
  void aRunThatNeedsAMissingKeyFailsNamingItTheNodesAndHowToSetIt() {
    assertThatThrownBy(() -> ProviderEnvironment.of(workflow).requirePresentIn(Environment.of(Map.of())))
        .isInstanceOfSatisfying(MissingEnvironmentException.class,
            e -> assertThat(e.variables()).containsExactly("ANTHROPIC_API_KEY", "OPENAI_API_KEY"))
        .hasMessage(
            "Environment variables ANTHROPIC_API_KEY (the anthropic provider of node 'draft'), OPENAI_API_KEY (the"
                + " openai provider of nodes 'polish', 'review') are not set. Set them in the environment of the"
                + " runtime: with Docker, a line ANTHROPIC_API_KEY=<your key> in the env file passed to docker run"
                + " --env-file (or -e ANTHROPIC_API_KEY=...); otherwise export ANTHROPIC_API_KEY=<your key> before"
                + " starting it.");
  }

  @Test
  void aWorkflowWithoutLlmSettingsNeedsTheGoogleKey() {
    Workflow defaults = workflow(LlmSpec.EMPTY, node("only", Optional.empty(), false));

    assertThat(ProviderEnvironment.of(defaults).required()).extracting(EnvironmentVariable::name).containsExactly("GOOGLE_API_KEY");
  }

  static Workflow workflow(LlmSpec global, NodeSpec... nodes) {
    WorkflowConfig config = new WorkflowConfig(global, WorkflowConfig.DEFAULT.execution(), WorkflowConfig.DEFAULT.mlflow());
    return new Workflow("w", Optional.empty(), Optional.empty(), Map.of(), List.of(nodes), List.of(), config, "workflow.yaml");
  }

  static NodeSpec node(String id, Optional<Provider> provider, boolean code) {
    Optional<LlmSpec> llm =
        provider.map(p -> new LlmSpec(Optional.of(p), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    return new NodeSpec(id, Optional.empty(), Map.of(), Template.parse("Write"), new OutputSpec.Simple(new TypeRef.Str(), Optional.empty()),
        List.of("out"), List.of(), llm, code ? Optional.of("print(1)") : Optional.empty(), SourceLocation.startOf("workflow.yaml"));
  }
}
