package io.configurableagents.console;

import io.configurableagents.deploy.HelpfulSuggestions;
import io.configurableagents.deploy.Setting;
import java.util.List;

/**
 * The deploy layer's advice in the console's terms: the fields of the Deploy form, the sections
 * of the page, and for what only the command line sets, {@code mvn workflow:console -D...}.
 */
final class ConsoleSuggestions extends HelpfulSuggestions {

  @Override
  protected String howToSet(Setting setting, String exampleValue) {
    switch (setting) {
      case PORT:
        return "the API port field (e.g. " + exampleValue + ")";
      case TRACES_PORT:
        return "the traces port field (e.g. " + exampleValue + ")";
      case NAME:
        return "the Name field (e.g. " + exampleValue + ")";
      case IMAGE:
        return "another Name (the image is named after it)";
      case REPLACE:
        return "the Replace box ticked";
      case BASE_IMAGE:
        return "the Base image field (e.g. " + exampleValue + ")";
      case SYNC_TIMEOUT:
        return "the Sync timeout field (e.g. " + exampleValue + ")";
      case ENV_FILE:
      case SKIP_ENV_FILE:
        return "the Environment section";
      default:
        return "-Dworkflow." + setting.parameterName() + "=" + exampleValue + " when you start the console"
            + " (mvn workflow:console)";
    }
  }

  @Override
  public String tracesOffHint() {
    return ", or untick Traces";
  }

  @Override
  protected String howToDeploy() {
    return "deploy it from the Deploy section";
  }

  @Override
  public String envFileSkipped() {
    return "No environment set: the container gets no provider keys; paste or upload them in the Environment"
        + " section and deploy again";
  }

  @Override
  public List<String> manageLines(String name, String dataVolume) {
    return List.of("  in the Containers section: Logs, Stop, Start and Remove (the data volume " + dataVolume
        + " stays unless you tick \"and its data\")");
  }
}
