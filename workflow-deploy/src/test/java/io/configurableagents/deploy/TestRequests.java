package io.configurableagents.deploy;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowConfig;
import io.configurableagents.core.yaml.WorkflowLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deploy requests for unit tests, one setting changed at a time with the {@code with...} methods. */
final class TestRequests {
  private TestRequests() {}

  /** A workflow named "Ticket Triage!" whose one node calls OpenAI. */
  static Workflow openAiWorkflow() {
    NodeSpec node = new NodeSpec("classify", Optional.empty(), Map.of(), null,
        new OutputSpec.Simple(new TypeRef.Str(), Optional.empty()), List.of("category"), List.of(),
        Optional.of(new LlmSpec(Optional.of(Provider.OPENAI), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty())),
        Optional.empty(), SourceLocation.of("workflow.yaml", 1, 1));
    return new Workflow("Ticket Triage!", Optional.of("Sorts tickets"), Optional.of("2.1"), Map.of(), List.of(node),
        List.of(), WorkflowConfig.DEFAULT, "workflow.yaml");
  }

  /** A workflow from YAML text, with an OpenAI node {@code a} that lists the tools given, e.g. {@code [serper_search]}. */
  static Workflow withTools(String tools) {
    return WorkflowLoader.fromString("workflow.yaml", """
        schema_version: "1.0"
        flow: {name: tooled}
        state:
          fields:
            topic: {type: str, required: true}
            notes: {type: str, default: ""}
        nodes:
          - {id: a, prompt: "Research {state.topic}", outputs: [notes], output_schema: {type: str}, tools: TOOLS}
        edges:
          - {from: START, to: a}
          - {from: a, to: END}
        config:
          llm: {provider: openai, model: gpt-4o-mini}
        """.replace("TOOLS", tools)).load();
  }

  static DeployRequest request(Path dir) {
    return request(dir, openAiWorkflow());
  }

  static DeployRequest request(Path dir, Workflow workflow) {
    return DeployRequest.builder(workflow, dir.resolve("workflow.yaml"))
        .containerName("ticket-triage")
        .runtimeJars(new RuntimeJars(dir.resolve("runtime.jar"), List.of()))
        .metadata(new ImageMetadata("1.0.0", Optional.empty(), Instant.EPOCH))
        .envFile(new EnvFileChoice.DefaultFile(dir.resolve(".env")))
        .outputDirectory(dir.resolve("target/workflow-deploy"))
        .cacheDirectory(dir.resolve("target/workflow-cache"))
        .build();
  }

  static DeployRequest withPorts(DeployRequest r, int port, int tracesPort) {
    return r.toBuilder().port(port).tracesPort(tracesPort).build();
  }

  static DeployRequest withNetwork(DeployRequest r, String network) {
    return r.toBuilder().network(Optional.of(network)).build();
  }

  static DeployRequest withReplace(DeployRequest r) {
    return r.toBuilder().replace(true).build();
  }

  static DeployRequest withNames(DeployRequest r, String container, String image) {
    return r.toBuilder().containerName(container).image(image).build();
  }
}
