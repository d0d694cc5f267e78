package io.configurableagents.maven;

/** Every {@code -D} property of the plugin, declared once (as jib's {@code PropertyNames}). */
public final class PropertyNames {
  /** The workflow file; default {@code ${project.basedir}/workflow.yaml}. */
  public static final String FILE = "workflow.file";

  /** Warnings fail the build too. */
  public static final String STRICT = "workflow.strict";

  /** Skip every goal of the plugin. */
  public static final String SKIP = "workflow.skip";

  // generate and deploy
  public static final String GENERATE_SKIP = "workflow.generate.skip";
  public static final String DEPLOY_SKIP = "workflow.deploy.skip";
  public static final String PORT = "workflow.port";
  public static final String TRACES_PORT = "workflow.tracesPort";
  public static final String BIND = "workflow.bind";
  public static final String TRACES_BIND = "workflow.tracesBind";
  public static final String OUTPUT_DIRECTORY = "workflow.outputDirectory";
  public static final String NAME = "workflow.name";
  public static final String SYNC_TIMEOUT = "workflow.syncTimeout";
  public static final String ENV_FILE = "workflow.envFile";
  public static final String SKIP_ENV_FILE = "workflow.skipEnvFile";
  public static final String IMAGE = "workflow.image";
  public static final String BASE_IMAGE = "workflow.baseImage";
  public static final String JLINK_JDK = "workflow.jlinkJdk";
  public static final String PLATFORM = "workflow.platform";
  public static final String REPLACE = "workflow.replace";
  public static final String READY_TIMEOUT = "workflow.readyTimeout";
  public static final String NETWORK = "workflow.network";
  public static final String CACHE_DIRECTORY = "workflow.cacheDirectory";
  public static final String DOCKER_EXECUTABLE = "workflow.dockerExecutable";
  public static final String ALLOW_INSECURE_REGISTRIES = "workflow.allowInsecureRegistries";
  public static final String REPLICAS = "workflow.replicas";

  // push (it takes the generate and deploy properties too)
  public static final String PUSH_SKIP = "workflow.push.skip";
  public static final String TAGS = "workflow.tags";

  // status, logs, stop, start, undeploy (they take NAME, FILE, READY_TIMEOUT, DOCKER_EXECUTABLE too)
  public static final String TAIL = "workflow.tail";
  public static final String FOLLOW = "workflow.follow";
  public static final String REMOVE_DATA = "workflow.removeData";

  // console (it takes FILE, OUTPUT_DIRECTORY, CACHE_DIRECTORY, JLINK_JDK, DOCKER_EXECUTABLE too)
  public static final String CONSOLE_PORT = "workflow.consolePort";
  public static final String CONSOLE_BIND = "workflow.consoleBind";
  public static final String CONSOLE_JDK = "workflow.consoleJdk";

  private PropertyNames() {}
}
