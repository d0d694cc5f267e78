package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code generate} and {@code deploy} need, as plain values. Front ends build one from
 * their settings; {@link #validate} checks the settings with advice in the front end's terms.
 *
 * @param workflowFile the validated file, copied into the image byte for byte
 * @param containerName the container's name; its data volume is {@code <name>-data}
 * @param image the image to build, {@code repository:tag}
 * @param port the host port of the API (8000 inside)
 * @param tracesPort the host port of the traces page (5000 inside); 0: no traces page
 * @param syncTimeout how long {@code POST /run} waits before it hands out a job id
 * @param network a Docker network to attach the container to ({@code host} included)
 * @param outputDirectory where {@code generate} writes
 * @param cacheDirectory Jib's caches and the jlink base
 */
public record DeployRequest(
    Workflow workflow,
    Path workflowFile,
    String containerName,
    String image,
    BaseImage baseImage,
    RuntimeJars runtimeJars,
    ImageMetadata metadata,
    int port,
    int tracesPort,
    Duration syncTimeout,
    EnvFileChoice envFile,
    boolean replace,
    Duration readyTimeout,
    Optional<String> network,
    Path outputDirectory,
    Path cacheDirectory) {

  public DeployRequest {
    Objects.requireNonNull(workflow, "workflow");
    Objects.requireNonNull(workflowFile, "workflowFile");
    Objects.requireNonNull(containerName, "containerName");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(baseImage, "baseImage");
    Objects.requireNonNull(runtimeJars, "runtimeJars");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(syncTimeout, "syncTimeout");
    Objects.requireNonNull(envFile, "envFile");
    Objects.requireNonNull(readyTimeout, "readyTimeout");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(outputDirectory, "outputDirectory");
    Objects.requireNonNull(cacheDirectory, "cacheDirectory");
  }

  /** Whether the traces page is published. */
  public boolean tracesEnabled() {
    return tracesPort != 0;
  }

  /** The named volume on {@code /app/data}. */
  public String dataVolume() {
    return containerName + "-data";
  }

  /** Fails with advice on the first setting that cannot work. */
  public DeployRequest validate(HelpfulSuggestions suggestions) {
    if (port < 1 || port > 65535) {
      throw suggestions.invalidSetting(Setting.PORT, String.valueOf(port), "a port is 1 to 65535", "8000");
    }
    if (tracesPort < 0 || tracesPort > 65535) {
      throw suggestions.invalidSetting(Setting.TRACES_PORT, String.valueOf(tracesPort),
          "a port is 1 to 65535, or 0 for no traces page", "5000");
    }
    if (tracesPort == port) {
      throw suggestions.invalidSetting(Setting.TRACES_PORT, String.valueOf(tracesPort),
          "the traces page needs another host port than the API", String.valueOf(port + 1));
    }
    if (!ContainerNames.isValidContainerName(containerName)) {
      throw suggestions.invalidSetting(Setting.NAME, containerName,
          "Docker names start with a letter or digit and hold only letters, digits, '_', '.' and '-'", "my-flow");
    }
    if (!ContainerNames.isValidImage(image)) {
      throw suggestions.invalidSetting(Setting.IMAGE, image,
          "an image is [registry/]name[:tag] with the name in lower case", "my-flow:1.0.0");
    }
    if (syncTimeout.isNegative() || syncTimeout.isZero()) {
      throw suggestions.invalidSetting(Setting.SYNC_TIMEOUT, syncTimeout.toSeconds() + "", "must be positive", "30");
    }
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw suggestions.invalidSetting(Setting.READY_TIMEOUT, readyTimeout.toSeconds() + "", "must be positive", "60");
    }
    if (network.filter(n -> n.isBlank() || n.chars().anyMatch(Character::isWhitespace)).isPresent()) {
      throw suggestions.invalidSetting(Setting.NETWORK, network.get(), "not a Docker network name", "my-network");
    }
    return this;
  }
}
