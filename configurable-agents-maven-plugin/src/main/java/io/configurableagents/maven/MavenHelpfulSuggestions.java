package io.configurableagents.maven;

import io.configurableagents.deploy.HelpfulSuggestions;
import io.configurableagents.deploy.Setting;
import java.util.List;

/** Advice in Maven's terms: the {@code -D} property and the plugin's XML element. */
final class MavenHelpfulSuggestions extends HelpfulSuggestions {

  @Override
  protected String howToSet(Setting setting, String exampleValue) {
    String element = setting.parameterName();
    return "-D" + property(setting) + "=" + exampleValue + " (or <" + element + ">" + exampleValue + "</" + element
        + "> in the plugin's <configuration>)";
  }

  @Override
  protected String offlineSwitch() {
    return "Maven's -o";
  }

  @Override
  protected String howToDeploy() {
    return "deploy it first with 'mvn workflow:deploy' in its project";
  }

  @Override
  protected String howToLogIn(String registry) {
    return "add a <server> with <id>" + registry + "</id>, <username> and <password> to ~/.m2/settings.xml (encrypt"
        + " the password with 'mvn --encrypt-password'), or log in with 'docker login " + registry + "'";
  }

  @Override
  public List<String> manageLines(String name, String dataVolume) {
    String named = " -D" + PropertyNames.NAME + "=" + name;
    return List.of(
        "  status   mvn workflow:status" + named,
        "  logs     mvn workflow:logs" + named + " -D" + PropertyNames.FOLLOW,
        "  stop     mvn workflow:stop" + named + "   (and workflow:start)",
        "  remove   mvn workflow:undeploy" + named + "   (the data volume " + dataVolume + " stays; add -D"
            + PropertyNames.REMOVE_DATA + " to remove it too)");
  }

  static String property(Setting setting) {
    switch (setting) {
      case PORT: return PropertyNames.PORT;
      case TRACES_PORT: return PropertyNames.TRACES_PORT;
      case BIND: return PropertyNames.BIND;
      case TRACES_BIND: return PropertyNames.TRACES_BIND;
      case NAME: return PropertyNames.NAME;
      case IMAGE: return PropertyNames.IMAGE;
      case REPLACE: return PropertyNames.REPLACE;
      case ENV_FILE: return PropertyNames.ENV_FILE;
      case SKIP_ENV_FILE: return PropertyNames.SKIP_ENV_FILE;
      case BASE_IMAGE: return PropertyNames.BASE_IMAGE;
      case JLINK_JDK: return PropertyNames.JLINK_JDK;
      case PLATFORM: return PropertyNames.PLATFORM;
      case READY_TIMEOUT: return PropertyNames.READY_TIMEOUT;
      case SYNC_TIMEOUT: return PropertyNames.SYNC_TIMEOUT;
      case NETWORK: return PropertyNames.NETWORK;
      case OUTPUT_DIRECTORY: return PropertyNames.OUTPUT_DIRECTORY;
      case CACHE_DIRECTORY: return PropertyNames.CACHE_DIRECTORY;
      case TAIL: return PropertyNames.TAIL;
      case REMOVE_DATA: return PropertyNames.REMOVE_DATA;
      case CONSOLE_PORT: return PropertyNames.CONSOLE_PORT;
      case CONSOLE_BIND: return PropertyNames.CONSOLE_BIND;
      case CONSOLE_JDK: return PropertyNames.CONSOLE_JDK;
      case TAGS: return PropertyNames.TAGS;
      case ALLOW_INSECURE_REGISTRIES: return PropertyNames.ALLOW_INSECURE_REGISTRIES;
      case REPLICAS: return PropertyNames.REPLICAS;
      default: throw new IllegalArgumentException("no property for " + setting);
    }
  }
}
