package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks the environment file before anything is built, the way {@code docker run --env-file}
 * will read it ({@link EnvLines}): a line Docker would refuse fails the deploy, the other findings
 * are warnings. None names a value.
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
    List<EnvLines.Finding> findings = EnvLines.parse(lines).findings(file.toString(), Optional.of(workflow), suggestions);
    for (EnvLines.Finding finding : findings) {
      if (finding.error()) {
        throw DeployException.userError(finding.message());
      }
    }
    findings.forEach(finding -> log.warn(finding.message()));
  }
}
