package io.configurableagents.deploy;

import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.EnvironmentVariable.Need;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.model.WorkflowEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an environment file's variables lack for a workflow ({@link WorkflowEnvironment}, in the
 * file's own values, so that {@code WEB_SEARCH_PROVIDER=tavily} there asks for {@code
 * TAVILY_API_KEY}): the keys without which every run fails, then what a tool needs. Warnings name
 * variables, never values.
 */
public final class MissingVariables {
  private MissingVariables() {}

  /**
   * @param subject the file, as messages name it
   * @param values each variable the file sets, with its value (possibly empty)
   */
  public static List<String> warnings(String subject, Workflow workflow, Map<String, String> values) {
    List<EnvironmentVariable> variables =
        WorkflowEnvironment.of(workflow, name -> Optional.ofNullable(values.get(name)).filter(v -> !v.isBlank())).variables();
    List<String> warnings = new ArrayList<>();
    List<String> missingKeys = new ArrayList<>();
    for (EnvironmentVariable v : variables) {
      boolean set = values.containsKey(v.name());
      boolean blank = set && values.get(v.name()).isBlank();
      if (v.need() == Need.REQUIRED && !set) {
        missingKeys.add(v.describe());
      } else if (v.need() == Need.REQUIRED && blank) {
        warnings.add(subject + ": " + v.name() + " is empty; runs that need it fail until it has a value");
      } else if (v.need() == Need.NEEDED && !set) {
        warnings.add(subject + " does not set " + v.name() + ", which " + v.usedBy() + " needs (" + v.purpose()
            + "); without it the tool does nothing useful");
      } else if (v.need() == Need.NEEDED && blank) {
        warnings.add(subject + ": " + v.name() + " is empty; " + v.usedBy() + " needs a value");
      }
    }
    if (!missingKeys.isEmpty()) {
      boolean one = missingKeys.size() == 1;
      warnings.add(0, subject + " does not set " + String.join(", ", missingKeys) + "; runs fail until "
          + (one ? "it is" : "they are") + " set");
    }
    return warnings;
  }
}
