package io.configurableagents.console;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.deploy.BaseImage;
import io.configurableagents.deploy.ConsoleSettings;
import io.configurableagents.deploy.DeployRequest;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.configurableagents.deploy.ImageMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Deploy form's settings: name, ports, sync timeout, traces on or off, base image, replace.
 * Turned into the same {@link DeployRequest} as the goal's, with what the build knows from the
 * console's settings (the runtime's jars, the directories, the project's version).
 */
record DeployForm(Optional<String> name, int port, boolean traces, int tracesPort, int syncTimeoutSeconds,
    String baseImage, boolean replace) {

  static DeployForm from(JsonBody body) {
    return new DeployForm(
        body.optionalText("name").map(String::strip).filter(n -> !n.isEmpty()),
        body.integer("port", 0, 65535, DeployRequest.DEFAULT_PORT, "the API's host port"),
        body.bool("traces", true),
        body.integer("tracesPort", 0, 65535, DeployRequest.DEFAULT_TRACES_PORT, "the traces page's host port"),
        body.integer("syncTimeout", 1, 86_400, (int) DeployRequest.DEFAULT_SYNC_TIMEOUT.toSeconds(),
            "seconds POST /run waits before it answers with a job id"),
        body.optionalText("baseImage").map(String::strip).filter(b -> !b.isEmpty()).orElse(BaseImage.DEFAULT),
        body.bool("replace", false));
  }

  /** The request, checked: a setting that cannot work fails with advice in the form's terms. */
  DeployRequest request(Workflow workflow, Path workflowFile, ConsoleSettings settings, HelpfulSuggestions suggestions) {
    DeployRequest.Builder request = DeployRequest.builder(workflow, workflowFile)
        .baseImage(BaseImage.parse(baseImage, settings.jlinkJdk(), settings.projectDirectory(), suggestions))
        .runtimeJars(settings.runtimeJars())
        .metadata(new ImageMetadata(settings.projectVersion().orElse(workflow.versionOrDefault()), settings.source(),
            settings.created()))
        .port(port)
        .tracesPort(traces ? tracesPort : 0)
        .syncTimeout(Duration.ofSeconds(syncTimeoutSeconds))
        .replace(replace)
        .cacheDirectory(settings.cacheDirectory())
        .projectCacheDirectory(settings.projectCacheDirectory());
    name.ifPresent(request::containerName);
    DeployRequest draft = request.outputDirectory(settings.outputDirectory()).build().validate(suggestions);
    // each container's deployment files in a directory of their own: one console deploys many workflows
    return draft.toBuilder().outputDirectory(settings.outputDirectory().resolve(draft.containerName())).build();
  }
}
