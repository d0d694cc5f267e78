package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.validate.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in README.md and docs/ say what the loader really does. */
class DocsExamplesTest {
  private static final Pattern FIRST_YAML = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);

  private static Path repositoryRoot() {
    String dir = System.getProperty("repository.root");
    assertThat(dir).as("system property repository.root (set by workflow-core/pom.xml)").isNotNull();
    return Path.of(dir);
  }

  private static String firstYamlBlock(String document) throws IOException {
    Matcher m = FIRST_YAML.matcher(Files.readString(repositoryRoot().resolve(document), StandardCharsets.UTF_8));
    assertThat(m.find()).as("a ```yaml block in " + document).isTrue();
    return m.group(1);
  }

  @Test
  void readmeExampleIsValidAndItsTypoGivesTheErrorShown() throws IOException {
    String yaml = firstYamlBlock("README.md");
    ValidationReport valid = WorkflowLoader.fromString("workflow.yaml", yaml).validate();
    assertThat(valid.diagnostics()).as(valid.format()).isEmpty();
    ValidationReport typo = WorkflowLoader.fromString("workflow.yaml", yaml.replace("{state.name}", "{state.nmae}")).validate();
    String readme = Files.readString(repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8);
    assertThat(typo.format()).hasLineCount(3);
    typo.format().lines().forEach(line -> assertThat(readme).contains(line));
  }

  @Test
  void workflowFormatExampleIsValid() throws IOException {
    ValidationReport report = WorkflowLoader.fromString("workflow.yaml", firstYamlBlock("docs/workflow-format.md")).validate();
    assertThat(report.diagnostics()).as(report.format()).isEmpty();
    assertThat(report.workflow().orElseThrow().nodes()).hasSize(3);
  }
}
