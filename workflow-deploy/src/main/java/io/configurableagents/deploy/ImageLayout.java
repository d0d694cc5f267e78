package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every image of a workflow looks like inside, in one place for Jib and for the generated
 * Dockerfile: paths, ports, user, entrypoint, environment and labels.
 */
public final class ImageLayout {
  public static final String APP = "/app";
  public static final String LIBS = "/app/libs";
  public static final String RUNTIME_JAR = "/app/runtime.jar";
  public static final String WORKFLOW = "/app/workflow.yaml";
  public static final String DATA = "/app/data";
  public static final int API_PORT = 8000;
  public static final int TRACES_PORT = 5000;
  public static final String USER = SystemFiles.UID + ":" + SystemFiles.UID;
  public static final String MAIN_CLASS = "io.configurableagents.runtime.Main";

  /** Container-friendly JVM settings: heap from the container's memory limit; die on OOM so Docker restarts. */
  public static final List<String> JVM_OPTIONS = List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");

  /**
   * Lets a JDK older than 25 start although it does not know {@code -XX:AOTCache} (it ignores
   * it); a JDK 25 maps the cache when it fits and ignores it, with a message, when it does not.
   */
  static final String IGNORE_UNKNOWN_OPTIONS = "-XX:+IgnoreUnrecognizedVMOptions";

  private ImageLayout() {}

  /** {@code java}, the JVM options with the AOT cache of these jars ({@link AotCacheFile}), class path, main class. */
  public static List<String> entrypoint(RuntimeJars jars) {
    List<String> entrypoint = new ArrayList<>();
    entrypoint.add("java");
    entrypoint.addAll(JVM_OPTIONS);
    entrypoint.add(IGNORE_UNKNOWN_OPTIONS);
    entrypoint.add("-XX:AOTCache=" + AotCacheFile.path(jars, JVM_OPTIONS));
    entrypoint.addAll(List.of("-cp", LIBS + "/*:" + RUNTIME_JAR, MAIN_CLASS));
    return entrypoint;
  }

  /** The runtime's settings baked into the image (no secret ever is). */
  public static Map<String, String> environment(Duration syncTimeout) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("WORKFLOW_FILE", WORKFLOW);
    env.put("DATA_DIR", DATA);
    env.put("PORT", String.valueOf(API_PORT));
    env.put("TRACES_PORT", String.valueOf(TRACES_PORT));
    env.put("SYNC_TIMEOUT", String.valueOf(syncTimeout.toSeconds()));
    return env;
  }

  /** OCI labels plus the workflow's name and version. */
  public static Map<String, String> labels(Workflow workflow, ImageMetadata metadata) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("org.opencontainers.image.title", workflow.name());
    workflow.description().ifPresent(d -> labels.put("org.opencontainers.image.description", d.strip()));
    labels.put("org.opencontainers.image.version", metadata.projectVersion());
    labels.put("org.opencontainers.image.created", metadata.created().toString());
    metadata.source().ifPresent(s -> labels.put("org.opencontainers.image.source", s));
    labels.put(ContainerLabels.WORKFLOW_NAME, workflow.name());
    labels.put(ContainerLabels.WORKFLOW_VERSION, workflow.versionOrDefault());
    return labels;
  }
}
