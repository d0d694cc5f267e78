package io.configurableagents.deploy;

/**
 * The settings a user can change, named as the user types them (the Maven XML element names).
 * {@link HelpfulSuggestions} turns them into advice for the front end in use.
 */
public enum Setting {
  PORT("port"),
  TRACES_PORT("tracesPort"),
  BIND("bind"),
  TRACES_BIND("tracesBind"),
  NAME("name"),
  IMAGE("image"),
  REPLACE("replace"),
  ENV_FILE("envFile"),
  SKIP_ENV_FILE("skipEnvFile"),
  BASE_IMAGE("baseImage"),
  JLINK_JDK("jlinkJdk"),
  PLATFORM("platform"),
  READY_TIMEOUT("readyTimeout"),
  SYNC_TIMEOUT("syncTimeout"),
  NETWORK("network"),
  OUTPUT_DIRECTORY("outputDirectory"),
  CACHE_DIRECTORY("cacheDirectory"),
  TAIL("tail"),
  TAGS("tags"),
  ALLOW_INSECURE_REGISTRIES("allowInsecureRegistries"),
  REPLICAS("replicas"),
  REMOVE_DATA("removeData"),
  CONSOLE_PORT("consolePort"),
  CONSOLE_BIND("consoleBind"),
  CONSOLE_JDK("consoleJdk");

  private final String parameterName;

  Setting(String parameterName) {
    this.parameterName = parameterName;
  }

  /** The name as the user types it, e.g. {@code tracesPort}. */
  public String parameterName() {
    return parameterName;
  }
}
