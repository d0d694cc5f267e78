package io.configurableagents.deploy;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.SourceLocation;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowConfig;
import java.nio.file.Path;
import java.time.Duration;
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

  static DeployRequest request(Path dir) {
    return new DeployRequest(openAiWorkflow(), dir.resolve("workflow.yaml"), "ticket-triage", "ticket-triage:1.0.0",
        new BaseImage.Registry(BaseImage.DEFAULT), new RuntimeJars(dir.resolve("runtime.jar"), List.of()),
        new ImageMetadata("1.0.0", Optional.empty(), Instant.EPOCH), 8000, 5000, Duration.ofSeconds(30),
        new EnvFileChoice.DefaultFile(dir.resolve(".env")), false, Duration.ofSeconds(60), Optional.empty(),
        dir.resolve("target/workflow-deploy"), dir.resolve("target/workflow-cache"));
  }

  static DeployRequest withPorts(DeployRequest r, int port, int tracesPort) {
    return new DeployRequest(r.workflow(), r.workflowFile(), r.containerName(), r.image(), r.baseImage(),
        r.runtimeJars(), r.metadata(), port, tracesPort, r.syncTimeout(), r.envFile(), r.replace(), r.readyTimeout(),
        r.network(), r.outputDirectory(), r.cacheDirectory());
  }

  static DeployRequest withNetwork(DeployRequest r, String network) {
    return new DeployRequest(r.workflow(), r.workflowFile(), r.containerName(), r.image(), r.baseImage(),
        r.runtimeJars(), r.metadata(), r.port(), r.tracesPort(), r.syncTimeout(), r.envFile(), r.replace(),
        r.readyTimeout(), Optional.of(network), r.outputDirectory(), r.cacheDirectory());
  }

  static DeployRequest withReplace(DeployRequest r) {
    return new DeployRequest(r.workflow(), r.workflowFile(), r.containerName(), r.image(), r.baseImage(),
        r.runtimeJars(), r.metadata(), r.port(), r.tracesPort(), r.syncTimeout(), r.envFile(), true,
        r.readyTimeout(), r.network(), r.outputDirectory(), r.cacheDirectory());
  }

  static DeployRequest withNames(DeployRequest r, String container, String image) {
    return new DeployRequest(r.workflow(), r.workflowFile(), container, image, r.baseImage(), r.runtimeJars(),
        r.metadata(), r.port(), r.tracesPort(), r.syncTimeout(), r.envFile(), r.replace(), r.readyTimeout(),
        r.network(), r.outputDirectory(), r.cacheDirectory());
  }
}
