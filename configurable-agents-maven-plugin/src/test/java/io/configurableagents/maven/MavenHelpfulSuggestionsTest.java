package io.configurableagents.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.deploy.Setting;
import org.junit.jupiter.api.Test;

class MavenHelpfulSuggestionsTest {
  private final MavenHelpfulSuggestions suggestions = new MavenHelpfulSuggestions();

  @Test
  void adviceNamesTheDashDPropertyAndTheXmlElement() {
    assertThat(suggestions.nameInUse("flow", "running").userMessage()).isEqualTo("A container named 'flow' already"
        + " exists (running); perhaps you should redeploy over it with -Dworkflow.replace=true (or"
        + " <replace>true</replace> in the plugin's <configuration>) (it keeps the data volume flow-data), or remove"
        + " it with 'docker rm -f flow'");
  }

  @Test
  void everySettingHasItsOwnWorkflowProperty() {
    for (Setting setting : Setting.values()) {
      assertThat(MavenHelpfulSuggestions.property(setting)).isEqualTo("workflow." + setting.parameterName());
    }
  }

  @Test
  void theDeployBannerNamesTheLifecycleGoals() {
    assertThat(suggestions.manageLines("flow", "flow-data")).containsExactly(
        "  status   mvn workflow:status -Dworkflow.name=flow",
        "  logs     mvn workflow:logs -Dworkflow.name=flow -Dworkflow.follow",
        "  stop     mvn workflow:stop -Dworkflow.name=flow   (and workflow:start)",
        "  remove   mvn workflow:undeploy -Dworkflow.name=flow   (the data volume flow-data stays; add"
            + " -Dworkflow.removeData to remove it too)");
  }
}
