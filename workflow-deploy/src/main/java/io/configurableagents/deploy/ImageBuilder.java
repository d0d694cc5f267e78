package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Builds the workflow's image with Jib Core and loads it into the Docker daemon: layers as in
 * {@link ImageLayers}, the settings of {@link ImageLayout}, the Docker image format, a fixed
 * creation time (same inputs, same digest), Jib's progress in our log, caches in the given
 * directory. A registry base is pulled by Jib; every other base is read offline.
 */
public final class ImageBuilder {
  private final DockerCli docker;
  private final DeployLog log;
  private final HelpfulSuggestions suggestions;

  public ImageBuilder(DockerCli docker, DeployLog log, HelpfulSuggestions suggestions) {
    this.docker = docker;
    this.log = log;
    this.suggestions = suggestions;
  }

  /**
   * What was built.
   *
   * @param previousImageId the image the tag pointed to before, when it was another one
   */
  public record BuiltImage(String reference, String imageId, String digest, Optional<String> previousImageId) {}

  /**
   * Builds the image of {@code request} into the daemon under {@code request.image()}; for a
   * jlink base, also loads the base alone into Docker (once), for the generated Dockerfile.
   */
  public BuiltImage build(DeployRequest request) {
    Optional<String> previous = new DockerImages(docker).idOf(request.image());
    BaseImage.Prepared base = request.baseImage().prepare(docker, request.cacheDirectory(), suggestions, log);
    JibContainerBuilder builder = base.builder();
    for (FileEntriesLayer layer : ImageLayers.application(request.runtimeJars(), emptyDirectory(request),
        request.workflowFile())) {
      builder.addFileEntriesLayer(layer);
    }
    builder
        .setEntrypoint(ImageLayout.entrypoint(request.runtimeJars()))
        .setUser(ImageLayout.USER)
        .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.APP))
        .setExposedPorts(Port.tcp(ImageLayout.API_PORT), Port.tcp(ImageLayout.TRACES_PORT))
        .setVolumes(AbsoluteUnixPath.get(ImageLayout.DATA))
        .setLabels(ImageLayout.labels(request.workflow(), request.metadata()))
        .setCreationTime(request.metadata().created())
        .setFormat(ImageFormat.Docker);
    Map<String, String> env = new LinkedHashMap<>(base.environment());
    env.putAll(ImageLayout.environment(request.syncTimeout()));
    builder.setEnvironment(env);
    JibContainer container = containerize(builder, request.image(), request, "Building image " + request.image());
    String id = container.getImageId().toString();
    base.forDockerBuild().ifPresent(copy -> loadUnlessPresent(copy, request));
    return new BuiltImage(request.image(), id, container.getDigest().toString(), previous.filter(p -> !p.equals(id)));
  }

  /** Loads a base alone into the daemon (for {@code docker build}), unless it is there. */
  private void loadUnlessPresent(BaseImage.DaemonCopy copy, DeployRequest request) {
    if (new DockerImages(docker).idOf(copy.reference()).isEmpty()) {
      containerize(copy.builder(), copy.reference(), request, "Loading the base " + copy.reference() + " into Docker (for the generated Dockerfile)");
    }
    log.debug("The base is in Docker as " + copy.reference() + " (the generated Dockerfile's BASE_IMAGE)");
  }

  private JibContainer containerize(JibContainerBuilder builder, String reference, DeployRequest request,
      String what) {
    try {
      Containerizer containerizer = Containerizer.to(daemonImage(docker, reference))
          .setBaseImageLayersCache(request.cacheDirectory().resolve("jib-base"))
          .setApplicationLayersCache(request.cacheDirectory().resolve("jib-application"))
          .setToolName("configurable-agents")
          .setOfflineMode(!request.baseImage().fromRegistry())
          .setAllowInsecureRegistries(request.baseImage().allowsInsecureRegistry());
      return builder.containerize(JibEvents.attach(containerizer, log, what));
    } catch (InvalidImageReferenceException e) {
      throw suggestions.invalidSetting(Setting.IMAGE, reference, "not a valid image name", "my-flow:1.0.0");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeployException.environment("interrupted while building " + reference, e);
    } catch (ExecutionException | RegistryException | IOException | CacheDirectoryCreationException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw DeployException.environment("Jib could not build " + reference + ": " + cause.getMessage(), cause);
    }
  }

  /** An image in the daemon that {@code docker} talks to, for Jib. */
  static DockerDaemonImage daemonImage(DockerCli docker, String reference) throws InvalidImageReferenceException {
    return DockerDaemonImage.named(reference)
        .setDockerExecutable(Path.of(docker.executable()))
        .setDockerEnvironment(docker.environment());
  }

  private static Path emptyDirectory(DeployRequest request) {
    Path empty = request.cacheDirectory().resolve("empty");
    try {
      return Files.createDirectories(empty);
    } catch (IOException e) {
      throw DeployException.environment("could not create " + empty + ": " + e.getMessage(), e);
    }
  }
}
