package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/**
 * Builds the workflow's image with Jib Core and loads it into the Docker daemon, or pushes it to a
 * registry (no daemon needed): layers as in {@link ImageLayers}, the settings of
 * {@link ImageLayout}, the Docker image format, a fixed creation time (same inputs, same digest),
 * Jib's progress in our log, caches in the given directory. A registry base is pulled by Jib;
 * every other base is read offline. Registry credentials come from {@link RegistryCredentials}.
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
    BaseImage.Prepared base = prepareBase(request);
    Containerizer daemon;
    try {
      daemon = Containerizer.to(daemonImage(docker, request.image()));
    } catch (InvalidImageReferenceException e) {
      throw invalidImage(request.image());
    }
    JibContainer container = containerize(containerBuilder(request, base), daemon, request.image(), false, request,
        allowsInsecure(request, Optional.empty()), "Building image " + request.image());
    String id = container.getImageId().toString();
    base.forDockerBuild().ifPresent(copy -> loadUnlessPresent(copy, request));
    return new BuiltImage(request.image(), id, container.getDigest().toString(), previous.filter(p -> !p.equals(id)));
  }

  /**
   * Builds the same image as {@link #build} and pushes it to the registry {@code request.image()}
   * names, with {@code request.tags()} besides its own tag; no Docker daemon is needed (unless the
   * base is {@code docker://}).
   */
  public PushedImage push(DeployRequest request) {
    ImageReference target;
    try {
      target = ImageReference.parse(request.image());
    } catch (InvalidImageReferenceException e) {
      throw invalidImage(request.image());
    }
    BaseImage.Prepared base = prepareBase(request);
    Containerizer registry = Containerizer.to(request.registryCredentials().image(target, log));
    request.tags().forEach(registry::withAdditionalTag);
    boolean insecure = allowsInsecure(request, Optional.of(target.getRegistry()));
    JibContainer container;
    try {
      container = containerize(containerBuilder(request, base), registry, request.image(), true, request, insecure,
          "Pushing image " + request.image());
    } catch (DeployException e) {
      throw PushFailures.explain(e, target, request, suggestions);
    }
    return new PushedImage(request.image(), container.getDigest().toString(), request.tags());
  }

  /**
   * Whether Jib may speak plain HTTP (or accept a certificate it cannot check) in this build: when
   * the user allows it, or when every registry the build talks to is on this machine. Jib's
   * permission covers the whole build, so a registry elsewhere (a base from Docker Hub) keeps it off.
   */
  static boolean allowsInsecure(DeployRequest request, Optional<String> targetRegistry) {
    if (request.allowInsecureRegistries()) {
      return true;
    }
    List<String> registries = new ArrayList<>();
    request.baseImage().registry().ifPresent(registries::add);
    targetRegistry.ifPresent(registries::add);
    return !registries.isEmpty() && registries.stream().allMatch(RegistryHost::isLoopback);
  }

  private BaseImage.Prepared prepareBase(DeployRequest request) {
    return request.baseImage().prepare(docker, request.cacheDirectory(), request.registryCredentials(), suggestions, log);
  }

  /** The layers and settings every image of the workflow has, on {@code base}. */
  private static JibContainerBuilder containerBuilder(DeployRequest request, BaseImage.Prepared base) {
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
    return builder;
  }

  /** Loads a base alone into the daemon (for {@code docker build}), unless it is there. */
  private void loadUnlessPresent(BaseImage.DaemonCopy copy, DeployRequest request) {
    if (new DockerImages(docker).idOf(copy.reference()).isEmpty()) {
      try {
        containerize(copy.builder(), Containerizer.to(daemonImage(docker, copy.reference())), copy.reference(), false,
            request, allowsInsecure(request, Optional.empty()),
            "Loading the base " + copy.reference() + " into Docker (for the generated Dockerfile)");
      } catch (InvalidImageReferenceException e) {
        throw invalidImage(copy.reference());
      }
    }
    log.debug("The base is in Docker as " + copy.reference() + " (the generated Dockerfile's BASE_IMAGE)");
  }

  /**
   * Runs Jib. Offline (no registry at all) when neither the base nor the target is in a registry.
   *
   * @param toRegistry whether {@code target} is a registry (else the Docker daemon)
   */
  private JibContainer containerize(JibContainerBuilder builder, Containerizer target, String reference,
      boolean toRegistry, DeployRequest request, boolean allowInsecure, String what) {
    try {
      Containerizer containerizer = target
          .setBaseImageLayersCache(request.cacheDirectory().resolve("jib-base"))
          .setApplicationLayersCache(request.cacheDirectory().resolve("jib-application"))
          .setToolName("configurable-agents")
          .setOfflineMode(!request.baseImage().fromRegistry() && !toRegistry)
          .setAllowInsecureRegistries(allowInsecure);
      return builder.containerize(JibEvents.attach(containerizer, log, what));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeployException.environment("interrupted while building " + reference, e);
    } catch (ExecutionException | RegistryException | IOException | CacheDirectoryCreationException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw DeployException.environment("Jib could not build " + reference + ": " + cause.getMessage(), cause);
    }
  }

  private DeployException invalidImage(String reference) {
    return suggestions.invalidSetting(Setting.IMAGE, reference, "not a valid image name", "my-flow:1.0.0");
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
