package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@code generate} and {@code deploy} need, as plain values. Front ends build one with
 * {@link #builder}, each setting by its name (so that two ports or two durations cannot be
 * swapped); {@link #validate} checks the settings with advice in the front end's terms.
 */
public final class DeployRequest {
  /** The host port of the API when none is given. */
  public static final int DEFAULT_PORT = 8000;
  /** The host port of the traces page when none is given. */
  public static final int DEFAULT_TRACES_PORT = 5000;
  public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(30);
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(60);
  /** How many replicas the generated Kubernetes Deployment and replicas compose file run. */
  public static final int DEFAULT_REPLICAS = 2;

  private final Workflow workflow;
  private final Path workflowFile;
  private final String containerName;
  private final String image;
  private final BaseImage baseImage;
  private final Optional<ImagePlatform> platform;
  private final RuntimeJars runtimeJars;
  private final ImageMetadata metadata;
  private final int port;
  private final int tracesPort;
  private final BindAddress bind;
  private final BindAddress tracesBind;
  private final Duration syncTimeout;
  private final EnvFileChoice envFile;
  private final boolean replace;
  private final Duration readyTimeout;
  private final Optional<String> network;
  private final Path outputDirectory;
  private final Path cacheDirectory;
  private final Path projectCacheDirectory;
  private final boolean offline;
  private final boolean imageNamed;
  private final List<String> tags;
  private final boolean allowInsecureRegistries;
  private final RegistryCredentials registryCredentials;
  private final int replicas;

  private DeployRequest(Builder b) {
    this.workflow = b.workflow;
    this.workflowFile = b.workflowFile;
    this.runtimeJars = OptionalRuntimeLibrary.forWorkflow(Objects.requireNonNull(b.runtimeJars, "runtimeJars"), workflow);
    this.metadata = Objects.requireNonNull(b.metadata, "metadata");
    this.outputDirectory = Objects.requireNonNull(b.outputDirectory, "outputDirectory");
    this.cacheDirectory = b.cacheDirectory != null ? b.cacheDirectory : UserCache.directory();
    this.projectCacheDirectory = b.projectCacheDirectory != null ? b.projectCacheDirectory : cacheDirectory;
    this.offline = b.offline;
    this.containerName = b.containerName != null ? b.containerName : ContainerNames.sanitize(workflow.name());
    this.image = b.image != null ? b.image : ContainerNames.defaultImage(containerName, metadata.projectVersion());
    this.baseImage = b.baseImage;
    this.platform = b.platform;
    this.port = b.port;
    this.tracesPort = b.tracesPort;
    this.bind = b.bind;
    this.tracesBind = b.tracesBind;
    this.syncTimeout = b.syncTimeout;
    this.envFile = b.envFile;
    this.replace = b.replace;
    this.readyTimeout = b.readyTimeout;
    this.network = b.network;
    this.imageNamed = b.image != null;
    this.tags = b.tags;
    this.allowInsecureRegistries = b.allowInsecureRegistries;
    this.registryCredentials = b.registryCredentials;
    this.replicas = b.replicas;
  }

  /**
   * A request for {@code workflow}, read from {@code workflowFile}; the runtime jars, the image
   * metadata and the output directory must be set, everything else has a default.
   */
  public static Builder builder(Workflow workflow, Path workflowFile) {
    return new Builder(workflow, workflowFile);
  }

  /** A builder holding every setting of this request, to change some. */
  public Builder toBuilder() {
    Builder builder = new Builder(workflow, workflowFile);
    if (imageNamed) {
      builder.image(image);
    }
    return builder.containerName(containerName).baseImage(baseImage).platform(platform)
        .runtimeJars(runtimeJars).metadata(metadata).port(port).tracesPort(tracesPort).bind(bind).tracesBind(tracesBind)
        .syncTimeout(syncTimeout).envFile(envFile).replace(replace).readyTimeout(readyTimeout).network(network)
        .outputDirectory(outputDirectory).cacheDirectory(cacheDirectory).projectCacheDirectory(projectCacheDirectory)
        .offline(offline).tags(tags).allowInsecureRegistries(allowInsecureRegistries)
        .registryCredentials(registryCredentials).replicas(replicas);
  }

  /** The validated workflow. */
  public Workflow workflow() {
    return workflow;
  }

  /** The validated file, copied into the image byte for byte. */
  public Path workflowFile() {
    return workflowFile;
  }

  /** The container's name; its data volume is {@code <name>-data}. */
  public String containerName() {
    return containerName;
  }

  /** The image to build, {@code repository:tag}. */
  public String image() {
    return image;
  }

  /** Whether the user named the image (else it is {@code <name>:<project version>}). */
  public boolean imageNamed() {
    return imageNamed;
  }

  /** More tags {@code push} gives the image in its repository, besides {@link #image()}'s own. */
  public List<String> tags() {
    return tags;
  }

  /** Whether Jib may speak plain HTTP to registries that are not on this machine. */
  public boolean allowInsecureRegistries() {
    return allowInsecureRegistries;
  }

  /** Where the credentials of the registries come from. */
  public RegistryCredentials registryCredentials() {
    return registryCredentials;
  }

  /** How many replicas the generated Kubernetes Deployment and replicas compose file run. */
  public int replicas() {
    return replicas;
  }

  public BaseImage baseImage() {
    return baseImage;
  }

  /**
   * The platform the image is for, when the user chose one; else the goal picks it: the Docker
   * daemon's (deploy), this machine's (generate, and always for the jlink base).
   */
  public Optional<ImagePlatform> platform() {
    return platform;
  }

  /** The jars the image carries: the runtime's, without the optional libraries the workflow does not need. */
  public RuntimeJars runtimeJars() {
    return runtimeJars;
  }

  public ImageMetadata metadata() {
    return metadata;
  }

  /** The host port of the API (8000 inside). */
  public int port() {
    return port;
  }

  /** The host port of the traces page (5000 inside); 0: no traces page. */
  public int tracesPort() {
    return tracesPort;
  }

  /** Where the API's host port is published: every interface unless set. */
  public BindAddress bind() {
    return bind;
  }

  /** Where the traces page's host port is published: this machine only unless set (prompts and answers are on it). */
  public BindAddress tracesBind() {
    return tracesBind;
  }

  /** How long {@code POST /run} waits before it hands out a job id. */
  public Duration syncTimeout() {
    return syncTimeout;
  }

  public EnvFileChoice envFile() {
    return envFile;
  }

  /** Whether a container of the same name is stopped and removed first. */
  public boolean replace() {
    return replace;
  }

  /** How long to wait for {@code GET /health}. */
  public Duration readyTimeout() {
    return readyTimeout;
  }

  /** A Docker network to attach the container to ({@code host} included). */
  public Optional<String> network() {
    return network;
  }

  /** Whether the container runs on the host's network (nothing published; it listens on the host ports). */
  public boolean hostNetwork() {
    return network.filter("host"::equals).isPresent();
  }

  /** Where {@code generate} writes. */
  public Path outputDirectory() {
    return outputDirectory;
  }

  /** The user-wide cache: Jib's base-image layers, the jlink base, the platform copies of jars. */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /** Whether the build may not use the network: a registry base comes from the cache (Maven's {@code -o}). */
  public boolean offline() {
    return offline;
  }

  /** This project's cache: Jib's application layers (they change with every build). */
  public Path projectCacheDirectory() {
    return projectCacheDirectory;
  }

  /** Whether the traces page is published. */
  public boolean tracesEnabled() {
    return tracesPort != 0;
  }

  /** The named volume on {@code /app/data}. */
  public String dataVolume() {
    return ContainerLabels.dataVolumeOf(containerName);
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
    for (String tag : tags) {
      if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
        throw suggestions.invalidSetting(Setting.TAGS, tag,
            "a tag is up to 128 letters, digits, '_', '.' and '-', not starting with '.' or '-'", "latest");
      }
    }
    if (replicas < 1 || replicas > 1000) {
      throw suggestions.invalidSetting(Setting.REPLICAS, String.valueOf(replicas), "replicas are 1 to 1000", "2");
    }
    if (network.filter(n -> n.isBlank() || n.chars().anyMatch(Character::isWhitespace)).isPresent()) {
      throw suggestions.invalidSetting(Setting.NETWORK, network.get(), "not a Docker network name", "my-network");
    }
    return this;
  }

  /** Sets a request up one named setting at a time. */
  public static final class Builder {
    private final Workflow workflow;
    private final Path workflowFile;
    private String containerName;
    private String image;
    private BaseImage baseImage = new BaseImage.Registry(BaseImage.DEFAULT);
    private Optional<ImagePlatform> platform = Optional.empty();
    private RuntimeJars runtimeJars;
    private ImageMetadata metadata;
    private int port = DEFAULT_PORT;
    private int tracesPort = DEFAULT_TRACES_PORT;
    private BindAddress bind = BindAddress.EVERY_INTERFACE;
    private BindAddress tracesBind = BindAddress.LOOPBACK;
    private Duration syncTimeout = DEFAULT_SYNC_TIMEOUT;
    private EnvFileChoice envFile = new EnvFileChoice.NoFile();
    private boolean replace;
    private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    private Optional<String> network = Optional.empty();
    private Path outputDirectory;
    private Path cacheDirectory;
    private Path projectCacheDirectory;
    private boolean offline;
    private List<String> tags = List.of();
    private boolean allowInsecureRegistries;
    private RegistryCredentials registryCredentials = RegistryCredentials.dockerConfigOnly();
    private int replicas = DEFAULT_REPLICAS;

    private Builder(Workflow workflow, Path workflowFile) {
      this.workflow = Objects.requireNonNull(workflow, "workflow");
      this.workflowFile = Objects.requireNonNull(workflowFile, "workflowFile");
    }

    /** Default: the flow name, sanitised for Docker ({@link ContainerNames#sanitize}). */
    public Builder containerName(String containerName) {
      this.containerName = Objects.requireNonNull(containerName, "containerName");
      return this;
    }

    /** Default: {@code <container name>:<project version>}. */
    public Builder image(String image) {
      this.image = Objects.requireNonNull(image, "image");
      return this;
    }

    /** Default: {@value BaseImage#DEFAULT} from its registry. */
    public Builder baseImage(BaseImage baseImage) {
      this.baseImage = Objects.requireNonNull(baseImage, "baseImage");
      return this;
    }

    /** Default: none chosen (see {@link DeployRequest#platform()}). */
    public Builder platform(Optional<ImagePlatform> platform) {
      this.platform = Objects.requireNonNull(platform, "platform");
      return this;
    }

    /**
     * Required: the runtime with every optional library it declares; the request keeps those the
     * workflow needs ({@link OptionalRuntimeLibrary}).
     */
    public Builder runtimeJars(RuntimeJars runtimeJars) {
      this.runtimeJars = Objects.requireNonNull(runtimeJars, "runtimeJars");
      return this;
    }

    /** Required. */
    public Builder metadata(ImageMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /** Default {@value DeployRequest#DEFAULT_PORT}. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Default {@value DeployRequest#DEFAULT_TRACES_PORT}; 0: no traces page. */
    public Builder tracesPort(int tracesPort) {
      this.tracesPort = tracesPort;
      return this;
    }

    /** Default: every interface ({@link BindAddress#EVERY_INTERFACE}). */
    public Builder bind(BindAddress bind) {
      this.bind = Objects.requireNonNull(bind, "bind");
      return this;
    }

    /** Default: this machine only ({@link BindAddress#LOOPBACK}). */
    public Builder tracesBind(BindAddress tracesBind) {
      this.tracesBind = Objects.requireNonNull(tracesBind, "tracesBind");
      return this;
    }

    /** Default 30 s. */
    public Builder syncTimeout(Duration syncTimeout) {
      this.syncTimeout = Objects.requireNonNull(syncTimeout, "syncTimeout");
      return this;
    }

    /** Default: no env file. */
    public Builder envFile(EnvFileChoice envFile) {
      this.envFile = Objects.requireNonNull(envFile, "envFile");
      return this;
    }

    /** Default false. */
    public Builder replace(boolean replace) {
      this.replace = replace;
      return this;
    }

    /** Default 60 s. */
    public Builder readyTimeout(Duration readyTimeout) {
      this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
      return this;
    }

    /** Default: none (Docker's default bridge network). */
    public Builder network(Optional<String> network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    /** Required. */
    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
      return this;
    }

    /** Default: the user's ({@link UserCache#directory()}). */
    public Builder cacheDirectory(Path cacheDirectory) {
      this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
      return this;
    }

    /** Default false. */
    public Builder offline(boolean offline) {
      this.offline = offline;
      return this;
    }

    /** Default: {@link #cacheDirectory}. */
    public Builder projectCacheDirectory(Path projectCacheDirectory) {
      this.projectCacheDirectory = Objects.requireNonNull(projectCacheDirectory, "projectCacheDirectory");
      return this;
    }

    /** Default: none. */
    public Builder tags(List<String> tags) {
      this.tags = List.copyOf(tags);
      return this;
    }

    /** Default false: plain HTTP only to a registry on this machine. */
    public Builder allowInsecureRegistries(boolean allowInsecureRegistries) {
      this.allowInsecureRegistries = allowInsecureRegistries;
      return this;
    }

    /** Default: Docker's configuration only ({@link RegistryCredentials#dockerConfigOnly()}). */
    public Builder registryCredentials(RegistryCredentials registryCredentials) {
      this.registryCredentials = Objects.requireNonNull(registryCredentials, "registryCredentials");
      return this;
    }

    /** Default {@value DeployRequest#DEFAULT_REPLICAS}. */
    public Builder replicas(int replicas) {
      this.replicas = replicas;
      return this;
    }

    /** The request; fails naming a required setting that was not given. */
    public DeployRequest build() {
      return new DeployRequest(this);
    }
  }
}
