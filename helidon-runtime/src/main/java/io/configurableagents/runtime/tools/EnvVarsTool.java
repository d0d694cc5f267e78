package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.SecretRedactor;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;

/**
 * {@code env_vars}: the values of the variables listed in {@code ALLOWED_ENV_VARS} (default none),
 * optionally filtered by a glob pattern. Never a key: provider and search keys, and any name with
 * KEY, SECRET, TOKEN, PASSWORD, CREDENTIAL or AUTH in it, are left out even when listed.
 */
final class EnvVarsTool implements Tool {
  private static final List<String> SECRET_WORDS = List.of("KEY", "SECRET", "TOKEN", "PASSWORD", "CREDENTIAL", "AUTH");

  private final ToolDefinition definition;
  private final ToolSettings settings;

  EnvVarsTool(ToolSettings settings) {
    this.settings = settings;
    this.definition = new ToolDefinition("env_vars",
        "Reads environment variables the runtime allows (" + (readable().isEmpty() ? "none" : String.join(", ", readable()))
            + "), optionally those whose names match a glob pattern such as APP_*.",
        Inputs.schema(new String[][] {{"pattern", "string", "a glob pattern for names (optional)"}}));
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    String pattern = Inputs.optionalText(input, "pattern").orElse("*");
    PathMatcher matcher;
    try {
      matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
    } catch (RuntimeException e) {
      throw ToolException.badInput("not a glob pattern: " + pattern);
    }
    ObjectNode out = Inputs.JSON.createObjectNode();
    ObjectNode vars = out.putObject("vars");
    for (String name : readable()) {
      if (matcher.matches(Path.of(name))) {
        settings.environment().variable(name).ifPresent(v -> vars.put(name, v));
      }
    }
    if (readable().isEmpty()) {
      out.put("note", "no variable is readable; list the ones the workflow may read in ALLOWED_ENV_VARS (comma-separated)");
    }
    return out.toString();
  }

  private List<String> readable() {
    return settings.allowedEnvVars().stream().filter(n -> !secret(n)).toList();
  }

  static boolean secret(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SecretRedactor.KEY_VARIABLES.contains(name) || SECRET_WORDS.stream().anyMatch(upper::contains);
  }
}
