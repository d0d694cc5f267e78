package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the image is built on: a Java 21+ runtime. Each form knows how Jib starts from it, what
 * the generated Dockerfile names as its base, and whether the build needs a registry.
 *
 * <ul>
 *   <li>a registry image, pulled by Jib without a daemon (the default, {@value #DEFAULT});
 *   <li>{@code docker://name}: an image already in the local Docker daemon;
 *   <li>{@code tar://path}: an image saved with {@code docker save} (or built by Jib to a tar);
 *   <li>{@code jlink}: a small runtime made on the spot from a JDK 21+ on this machine (Linux).
 * </ul>
 */
public sealed interface BaseImage {
  /** A public Java 21 JRE image. */
  String DEFAULT = "eclipse-temurin:21-jre";

  /** How the user wrote it. */
  String spec();

  /** The generated Dockerfile's default {@code BASE_IMAGE}: this base where Docker can name it. */
  String dockerfileBase(HelpfulSuggestions suggestions);

  /** Whether Jib reads the base from a registry; every other base is built offline. */
  default boolean fromRegistry() {
    return false;
  }

  /** The registry Jib pulls the base from ({@code host[:port]}), for a registry base. */
  default Optional<String> registry() {
    return Optional.empty();
  }

  /**
   * Readies the base for one image build. The jlink base is made here (or taken from the cache),
   * once per build; a missing {@code tar://} file fails here, before Jib starts.
   *
   * @param credentials where the credentials of a registry base come from
   */
  Prepared prepare(DockerCli docker, Path cacheDirectory, RegistryCredentials credentials, HelpfulSuggestions suggestions,
      DeployLog log);

  /**
   * A base ready for Jib.
   *
   * @param builder where Jib starts
   * @param environment what the image's environment must hold for this base (a base made from
   *     scratch has none of its own), before the runtime's settings
   * @param forDockerBuild the base alone, to load into Docker for the generated Dockerfile, when
   *     only this build can make it (jlink)
   */
  record Prepared(JibContainerBuilder builder, Map<String, String> environment, Optional<DaemonCopy> forDockerBuild) {
    public Prepared {
      Objects.requireNonNull(builder, "builder");
      environment = Map.copyOf(environment);
      Objects.requireNonNull(forDockerBuild, "forDockerBuild");
    }

    static Prepared of(JibContainerBuilder builder) {
      return new Prepared(builder, Map.of(), Optional.empty());
    }
  }

  /** A base image to load into the Docker daemon under {@code reference}. */
  record DaemonCopy(String reference, JibContainerBuilder builder) {}

  record Registry(String reference) implements BaseImage {
    public Registry {
      Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String spec() {
      return reference;
    }

    @Override
    public String dockerfileBase(HelpfulSuggestions suggestions) {
      return reference;
    }

    @Override
    public boolean fromRegistry() {
      return true;
    }

    /** The registry as Jib reads it from the reference; empty when the reference is invalid (prepare says why). */
    @Override
    public Optional<String> registry() {
      try {
        return Optional.of(ImageReference.parse(reference).getRegistry());
      } catch (InvalidImageReferenceException e) {
        return Optional.empty();
      }
    }

    @Override
    public Prepared prepare(DockerCli docker, Path cacheDirectory, RegistryCredentials credentials,
        HelpfulSuggestions suggestions, DeployLog log) {
      try {
        return Prepared.of(Jib.from(credentials.image(ImageReference.parse(reference), log)));
      } catch (InvalidImageReferenceException e) {
        throw suggestions.invalidSetting(Setting.BASE_IMAGE, reference, "not a valid image reference", DEFAULT);
      }
    }
  }

  record DockerDaemon(String name) implements BaseImage {
    public DockerDaemon {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String spec() {
      return "docker://" + name;
    }

    @Override
    public String dockerfileBase(HelpfulSuggestions suggestions) {
      return name;
    }

    @Override
    public Prepared prepare(DockerCli docker, Path cacheDirectory, RegistryCredentials credentials,
        HelpfulSuggestions suggestions, DeployLog log) {
      try {
        return Prepared.of(Jib.from(ImageBuilder.daemonImage(docker, name)));
      } catch (InvalidImageReferenceException e) {
        throw suggestions.invalidSetting(Setting.BASE_IMAGE, spec(), "not a valid image reference", DEFAULT);
      }
    }
  }

  record Tarball(Path file) implements BaseImage {
    public Tarball {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String spec() {
      return "tar://" + file;
    }

    /** Docker cannot name a tar file as a base: the default JRE image. */
    @Override
    public String dockerfileBase(HelpfulSuggestions suggestions) {
      return DEFAULT;
    }

    @Override
    public Prepared prepare(DockerCli docker, Path cacheDirectory, RegistryCredentials credentials,
        HelpfulSuggestions suggestions, DeployLog log) {
      if (!Files.isRegularFile(file)) {
        throw suggestions.invalidSetting(Setting.BASE_IMAGE, spec(), "no such file", "tar://base.tar");
      }
      return Prepared.of(Jib.from(TarImage.at(file)));
    }
  }

  /** @param jdk the JDK to take the runtime from; empty: the one running the build */
  record Jlink(Optional<Path> jdk) implements BaseImage {
    public Jlink {
      Objects.requireNonNull(jdk, "jdk");
    }

    @Override
    public String spec() {
      return "jlink";
    }

    /** The JDK home to use. */
    public Path jdkHome() {
      return jdk.orElseGet(() -> Path.of(System.getProperty("java.home")));
    }

    /** The name {@code deploy} loads the base into Docker under. */
    @Override
    public String dockerfileBase(HelpfulSuggestions suggestions) {
      return JlinkBase.of(jdkHome(), suggestions).imageReference();
    }

    @Override
    public Prepared prepare(DockerCli docker, Path cacheDirectory, RegistryCredentials credentials,
        HelpfulSuggestions suggestions, DeployLog log) {
      JlinkBase jlink = JlinkBase.of(jdkHome(), suggestions);
      List<FileEntriesLayer> layers = ImageLayers.jlinkBase(jlink.prepare(cacheDirectory, log));
      JibContainerBuilder alone = Jib.fromScratch().setFileEntriesLayers(layers)
          .setEnvironment(JlinkBase.ENVIRONMENT).setFormat(ImageFormat.Docker);
      return new Prepared(Jib.fromScratch().setFileEntriesLayers(layers), JlinkBase.ENVIRONMENT,
          Optional.of(new DaemonCopy(jlink.imageReference(), alone)));
    }
  }

  /**
   * Reads the user's setting.
   *
   * @param baseDirectory what a relative {@code tar://} path is relative to
   */
  static BaseImage parse(String spec, Optional<Path> jlinkJdk, Path baseDirectory, HelpfulSuggestions suggestions) {
    String s = spec.strip();
    if (s.equals("jlink")) {
      return new Jlink(jlinkJdk);
    }
    if (s.startsWith("docker://") && s.length() > "docker://".length()) {
      return new DockerDaemon(s.substring("docker://".length()));
    }
    if (s.startsWith("tar://") && s.length() > "tar://".length()) {
      return new Tarball(baseDirectory.resolve(s.substring("tar://".length())).normalize());
    }
    if (s.isEmpty() || s.contains("://") || s.chars().anyMatch(Character::isWhitespace)) {
      throw suggestions.invalidSetting(
          Setting.BASE_IMAGE, spec, "expected an image reference, docker://NAME, tar://PATH or jlink", "jlink");
    }
    return new Registry(s);
  }
}
