package io.configurableagents.maven;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.deploy.BaseImage;
import io.configurableagents.deploy.BindAddress;
import io.configurableagents.deploy.DeployException;
import io.configurableagents.deploy.DeployLog;
import io.configurableagents.deploy.DeployRequest;
import io.configurableagents.deploy.DockerCli;
import io.configurableagents.deploy.EnvFileChoice;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.configurableagents.deploy.ImageMetadata;
import io.configurableagents.deploy.ImagePlatform;
import io.configurableagents.deploy.JibProxies;
import io.configurableagents.deploy.RegistryCredentials;
import io.configurableagents.deploy.Setting;
import io.configurableagents.deploy.UserCache;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * The settings {@code generate} and {@code deploy} share, turned into a {@link DeployRequest};
 * the deploy layer's exceptions mapped once: the user's input is a failure, the environment an error.
 */
public abstract class AbstractDeployMojo extends AbstractWorkflowMojo {
  /** Host port of the API (the API listens on 8000 inside the container). */
  @Parameter(property = PropertyNames.PORT, defaultValue = "8000")
  protected int port;

  /** Host port of the traces page (5000 inside); 0: no traces page. */
  @Parameter(property = PropertyNames.TRACES_PORT, defaultValue = "5000")
  protected int tracesPort;

  /** The host address the API's port is published on; default: every interface. */
  @Parameter(property = PropertyNames.BIND)
  protected String bind;

  /**
   * The host address the traces page's port is published on; default: this machine only (the page
   * shows prompts and answers). {@code 0.0.0.0}: every interface.
   */
  @Parameter(property = PropertyNames.TRACES_BIND, defaultValue = "127.0.0.1")
  protected String tracesBind;

  /** Where the deployment files are written. */
  @Parameter(property = PropertyNames.OUTPUT_DIRECTORY, defaultValue = "${project.build.directory}/workflow-deploy")
  protected File outputDirectory;

  /** Container name; default: the flow name, sanitised for Docker. */
  @Parameter(property = PropertyNames.NAME)
  protected String name;

  /** Seconds {@code POST /run} waits for the outcome before it hands out a job id. */
  @Parameter(property = PropertyNames.SYNC_TIMEOUT, defaultValue = "30")
  protected int syncTimeout;

  /** The env file for {@code docker run --env-file}; optional only while it is the default. */
  @Parameter(property = PropertyNames.ENV_FILE, defaultValue = "${project.basedir}/.env")
  protected File envFile;

  /** Start the container without an env file. */
  @Parameter(property = PropertyNames.SKIP_ENV_FILE, defaultValue = "false")
  protected boolean skipEnvFile;

  /** Image name and tag; default: {@code <name>:<project version>}. */
  @Parameter(property = PropertyNames.IMAGE)
  protected String image;

  /** A registry reference, {@code docker://NAME}, {@code tar://PATH} or {@code jlink}. */
  @Parameter(property = PropertyNames.BASE_IMAGE, defaultValue = BaseImage.DEFAULT)
  protected String baseImage;

  /** The JDK (21+) jlink takes the runtime from; default: the JDK running Maven. */
  @Parameter(property = PropertyNames.JLINK_JDK)
  protected File jlinkJdk;

  /**
   * The platform the image is for, {@code OS/ARCHITECTURE} ({@code linux/arm64}); default: the
   * Docker daemon's (deploy), this machine's (generate). Jib takes that image of a multi-platform base.
   */
  @Parameter(property = PropertyNames.PLATFORM)
  protected String platform;

  /**
   * The user-wide cache: base-image layers pulled by Jib, the jlink base, the platform copies of
   * jars; kept across projects and {@code mvn clean}. Default: {@code ~/.cache/configurable-agents}
   * (or where the system keeps users' caches). Jib's application layers stay in {@code target/}.
   */
  @Parameter(property = PropertyNames.CACHE_DIRECTORY)
  protected File cacheDirectory;

  /** A Docker network to attach the container to (e.g. one where Ollama runs), or {@code host}. */
  @Parameter(property = PropertyNames.NETWORK)
  protected String network;

  /**
   * Let Jib speak plain HTTP (or accept a certificate it cannot check) to registries that are not
   * on this machine; a registry on localhost or 127.x.x.x needs no permission.
   */
  @Parameter(property = PropertyNames.ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
  protected boolean allowInsecureRegistries;

  /** How many replicas the generated Kubernetes Deployment and replicas compose file run. */
  @Parameter(property = PropertyNames.REPLICAS, defaultValue = "2")
  protected int replicas;

  /** The docker command. */
  @Parameter(property = PropertyNames.DOCKER_EXECUTABLE, defaultValue = "docker")
  protected String dockerExecutable;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  protected MavenSession session;

  @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
  protected String pluginVersion;

  @Component
  protected RepositorySystem repositorySystem;

  @Component
  protected SettingsDecrypter settingsDecrypter;

  protected final HelpfulSuggestions suggestions = new MavenHelpfulSuggestions();

  @Override
  protected final void run(Workflow workflow) throws MojoExecutionException, MojoFailureException {
    try {
      MavenDeployLog log = new MavenDeployLog(getLog());
      useProxies(log);
      run(request(workflow), log);
    } catch (DeployException e) {
      rethrow(e);
    }
  }

  /** The active settings.xml proxies, for Jib (as the Jib plugins pass them: the JVM's proxy properties). */
  private void useProxies(DeployLog log) {
    for (String used : JibProxies.apply(SettingsProxies.active(session.getSettings(), settingsDecrypter),
        System.getProperties())) {
      log.debug("Jib reaches registries by " + used + " (settings.xml)");
    }
  }

  /** The user's input is wrong: a failure (BUILD FAILURE); the environment failed: an error. */
  static void rethrow(DeployException e) throws MojoExecutionException, MojoFailureException {
    if (e.isUserError()) {
      throw new MojoFailureException(e.userMessage(), e);
    }
    throw new MojoExecutionException(e.userMessage(), e);
  }

  /** The goal's work. */
  protected abstract void run(DeployRequest request, DeployLog log) throws MojoExecutionException;

  /** Whether the container is replaced; {@code generate} never runs one. */
  protected boolean replace() {
    return false;
  }

  /** The tags {@code push} adds; none for the other goals. */
  protected List<String> tags() {
    return List.of();
  }

  /** How long to wait for {@code /health}. */
  protected Duration readyTimeout() {
    return Duration.ofSeconds(60);
  }

  protected DockerCli docker() {
    return DockerCli.create(dockerExecutable, Map.of(), suggestions);
  }

  private DeployRequest request(Workflow workflow) throws MojoExecutionException {
    Path basedir = project.getBasedir().toPath();
    DeployRequest.Builder request = DeployRequest.builder(workflow, workflowFile.toPath().toAbsolutePath())
        .baseImage(BaseImage.parse(baseImage, Optional.ofNullable(jlinkJdk).map(File::toPath), basedir, suggestions))
        .runtimeJars(RuntimeArtifacts.resolve(repositorySystem, session.getRepositorySession(),
            project.getRemoteProjectRepositories(), pluginVersion))
        .metadata(new ImageMetadata(project.getVersion(), source(project), created(project)))
        .port(port)
        .tracesPort(tracesPort)
        .platform(Optional.ofNullable(platform).filter(p -> !p.isBlank()).map(p -> ImagePlatform.parse(p, suggestions)))
        .bind(BindAddress.parse(bind, Setting.BIND, suggestions))
        .tracesBind(BindAddress.parse(tracesBind, Setting.TRACES_BIND, suggestions))
        .syncTimeout(Duration.ofSeconds(syncTimeout))
        .envFile(EnvFileChoice.of(envFile.toPath(), basedir.resolve(".env"), skipEnvFile))
        .replace(replace())
        .readyTimeout(readyTimeout())
        .network(Optional.ofNullable(network).filter(n -> !n.isBlank()))
        .outputDirectory(outputDirectory.toPath().toAbsolutePath())
        .cacheDirectory(Optional.ofNullable(cacheDirectory).map(f -> f.toPath().toAbsolutePath())
            .orElseGet(UserCache::directory))
        .projectCacheDirectory(Path.of(project.getBuild().getDirectory(), "workflow-cache").toAbsolutePath())
        .offline(session.isOffline())
        .allowInsecureRegistries(allowInsecureRegistries)
        .registryCredentials(RegistryCredentials.of(new SettingsRegistryLogins(session.getSettings(), settingsDecrypter,
            suggestions)))
        .replicas(replicas)
        .tags(tags());
    Optional.ofNullable(name).filter(n -> !n.isBlank()).ifPresent(request::containerName);
    Optional.ofNullable(image).filter(i -> !i.isBlank()).ifPresent(request::image);
    return request.build();
  }

  /** The project's SCM URL, else its URL: the image's source label. */
  static Optional<String> source(MavenProject project) {
    Optional<String> scm = Optional.ofNullable(project.getScm()).map(s -> s.getUrl());
    return scm.or(() -> Optional.ofNullable(project.getUrl())).filter(u -> !u.isBlank());
  }

  /** {@code project.build.outputTimestamp} (ISO-8601 or epoch seconds), else the epoch: reproducible. */
  static Instant created(MavenProject project) {
    String value = project.getProperties().getProperty("project.build.outputTimestamp", "");
    try {
      return value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value))
          : value.length() > 1 ? Instant.parse(value) : Instant.EPOCH;
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }
}
