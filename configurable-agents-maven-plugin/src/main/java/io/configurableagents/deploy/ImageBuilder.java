package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
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

  /** Builds the image of {@code request} into the daemon under {@code request.image()}. */
  public BuiltImage build(DeployRequest request) {
    Optional<String> previous = new DockerImages(docker).idOf(request.image());
    JibContainerBuilder builder = base(request);
    for (FileEntriesLayer layer : ImageLayers.application(request.runtimeJars(), emptyDirectory(request),
        request.workflowFile())) {
      builder.addFileEntriesLayer(layer);
    }
    builder
        .setEntrypoint(ImageLayout.entrypoint())
        .setUser(ImageLayout.USER)
        .setWorkingDirectory(AbsoluteUnixPath.get(ImageLayout.APP))
        .setExposedPorts(Port.tcp(ImageLayout.API_PORT), Port.tcp(ImageLayout.TRACES_PORT))
        .setVolumes(AbsoluteUnixPath.get(ImageLayout.DATA))
        .setLabels(ImageLayout.labels(request.workflow(), request.metadata()))
        .setCreationTime(request.metadata().created())
        .setFormat(ImageFormat.Docker);
    Map<String, String> env = new LinkedHashMap<>();
    if (request.baseImage() instanceof BaseImage.Jlink) {
      env.putAll(JlinkBase.ENVIRONMENT);
    }
    env.putAll(ImageLayout.environment(request.syncTimeout()));
    builder.setEnvironment(env);
    JibContainer container = containerize(builder, request.image(), request, "Building image " + request.image());
    String id = container.getImageId().toString();
    return new BuiltImage(request.image(), id, container.getDigest().toString(), previous.filter(p -> !p.equals(id)));
  }

  /** Loads the jlink base alone into the daemon (for {@code docker build}), unless it is there. */
  public String loadJlinkBase(JlinkBase base, Path rootfs, DeployRequest request) {
    String reference = base.imageReference();
    if (new DockerImages(docker).idOf(reference).isPresent()) {
      return reference;
    }
    JibContainerBuilder builder = Jib.fromScratch().setFileEntriesLayers(ImageLayers.jlinkBase(rootfs))
        .setEnvironment(JlinkBase.ENVIRONMENT).setFormat(ImageFormat.Docker);
    containerize(builder, reference, request, "Loading the jlink base " + reference);
    return reference;
  }

  private JibContainerBuilder base(DeployRequest request) {
    BaseImage base = request.baseImage();
    try {
      if (base instanceof BaseImage.Jlink) {
        JlinkBase jlink = JlinkBase.of(((BaseImage.Jlink) base).jdkHome(), suggestions);
        Path rootfs = jlink.prepare(request.cacheDirectory(), log);
        JibContainerBuilder builder = Jib.fromScratch();
        ImageLayers.jlinkBase(rootfs).forEach(builder::addFileEntriesLayer);
        return builder;
      }
      if (base instanceof BaseImage.DockerDaemon) {
        return Jib.from(daemonImage(((BaseImage.DockerDaemon) base).name()));
      }
      if (base instanceof BaseImage.Tarball) {
        Path tar = ((BaseImage.Tarball) base).file();
        if (!Files.isRegularFile(tar)) {
          throw suggestions.invalidSetting(Setting.BASE_IMAGE, base.spec(), "no such file", "tar://base.tar");
        }
        return Jib.from(TarImage.at(tar));
      }
      ImageReference reference = ImageReference.parse(base.spec());
      RegistryImage registry = RegistryImage.named(reference).addCredentialRetriever(
          CredentialRetrieverFactory.forImage(reference, e -> log.debug(e.getMessage())).dockerConfig());
      return Jib.from(registry);
    } catch (InvalidImageReferenceException e) {
      throw suggestions.invalidSetting(Setting.BASE_IMAGE, base.spec(), "not a valid image reference",
          BaseImage.DEFAULT);
    }
  }

  private JibContainer containerize(JibContainerBuilder builder, String reference, DeployRequest request,
      String what) {
    try {
      Containerizer containerizer = Containerizer.to(daemonImage(reference))
          .setBaseImageLayersCache(request.cacheDirectory().resolve("jib-base"))
          .setApplicationLayersCache(request.cacheDirectory().resolve("jib-application"))
          .setToolName("configurable-agents")
          .setOfflineMode(!(request.baseImage() instanceof BaseImage.Registry))
          .setAllowInsecureRegistries(isLoopbackRegistry(request.baseImage()));
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

  private DockerDaemonImage daemonImage(String reference) throws InvalidImageReferenceException {
    return DockerDaemonImage.named(reference)
        .setDockerExecutable(Path.of(docker.executable()))
        .setDockerEnvironment(docker.environment());
  }

  private static boolean isLoopbackRegistry(BaseImage base) {
    if (!(base instanceof BaseImage.Registry)) {
      return false;
    }
    String ref = base.spec();
    return ref.startsWith("localhost:") || ref.startsWith("localhost/") || ref.startsWith("127.0.0.1:");
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
