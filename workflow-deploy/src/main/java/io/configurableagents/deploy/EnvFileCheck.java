package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the environment file before anything is built, the way {@code docker run --env-file}
 * will read it. Warnings name a line number or a variable, never a value: a secret pasted without
 * its {@code NAME=} must not end up in a build log.
 */
public final class EnvFileCheck {
  private final HelpfulSuggestions suggestions;
  private final DeployLog log;

  public EnvFileCheck(HelpfulSuggestions suggestions, DeployLog log) {
    this.suggestions = suggestions;
    this.log = log;
  }

  /**
   * The file to pass to {@code docker run}, if any.
   *
   * @param workflow whose variables the file should set ({@link MissingVariables})
   * @param example the generated {@code .env.example}, named in advice
   */
  public Optional<Path> check(EnvFileChoice choice, Workflow workflow, Path example) {
    if (choice instanceof EnvFileChoice.NoFile) {
      log.warn(suggestions.envFileSkipped());
      return Optional.empty();
    }
    Path file = choice.path().orElseThrow();
    if (!Files.isRegularFile(file)) {
      if (choice instanceof EnvFileChoice.ExplicitFile) {
        throw suggestions.envFileMissing(file);
      }
      log.warn(suggestions.defaultEnvFileMissing(file, example));
      return Optional.empty();
    }
    inspect(file, workflow);
    return Optional.of(file);
  }

  private void inspect(Path file, Workflow workflow) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.warn("Could not read " + file + " to check it (" + e.getClass().getSimpleName()
          + "); it is passed to docker run as it is");
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      inspectLine(file, i + 1, line, values);
    }
    if (values.isEmpty()) {
      log.warn(file + " defines no variables");
    }
    MissingVariables.warnings(file.toString(), workflow, values).forEach(log::warn);
  }

  private void inspectLine(Path file, int number, String line, Map<String, String> values) {
    int eq = line.indexOf('=');
    String name = eq < 0 ? line : line.substring(0, eq);
    if (name.chars().anyMatch(Character::isWhitespace)) {
      throw suggestions.envLineWithSpaceInName(file, number);
    }
    if (eq < 0) {
      log.warn(file + " line " + number + " has no '=' and may be malformed: docker run reads it as the name of a"
          + " variable to copy from its own environment; write NAME=value");
      return;
    }
    String value = line.substring(eq + 1);
    values.put(name, value);
    if (value.length() >= 2 && (quoted(value, '"') || quoted(value, '\''))) {
      log.warn(file + " line " + number + ": the value of " + name + " is in quotes; docker run keeps the quotes"
          + " as part of the value, so write it without them");
    }
  }

  private static boolean quoted(String value, char quote) {
    return value.charAt(0) == quote && value.charAt(value.length() - 1) == quote;
  }
}
