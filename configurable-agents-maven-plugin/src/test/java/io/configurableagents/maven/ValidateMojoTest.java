package io.configurableagents.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal without a Maven runtime: fields set as Maven would, log captured. */
class ValidateMojoTest {
  private static final String VALID = """
      schema_version: "1.0"
      flow: {name: hello}
      state:
        fields:
          name: {type: str, required: true}
          greeting: {type: str, default: ""}
      nodes:
        - id: greet
          prompt: "Greet {name}."
          outputs: [greeting]
          output_schema: {type: str}
      edges:
        - {from: START, to: greet}
        - {from: greet, to: END}
      """;

  @TempDir Path project;
  private final CapturingLog log = new CapturingLog();
  private ValidateMojo mojo;

  @BeforeEach
  void newMojo() {
    mojo = new ValidateMojo();
    mojo.setLog(log);
    mojo.workflowFile = project.resolve("workflow.yaml").toFile();
    mojo.executionRoot = project.toFile();
  }

  @Test
  void validFileLogsASummary() throws Exception {
    Files.writeString(project.resolve("workflow.yaml"), VALID);
    mojo.execute();
    assertThat(log.lines).containsExactly("[info] workflow.yaml is valid: flow \"hello\", 2 state fields, 1 node, 2 edges.");
  }

  @Test
  void errorsArePrintedWithTheirSourceLineAndFailTheBuildWithACount() throws IOException {
    Files.writeString(project.resolve("workflow.yaml"), VALID.replace("to: END", "to: ENDD").replace("{name}", "{nmae}"));
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("workflow.yaml has 2 errors; see the diagnostics above.");
    assertThat(log.lines).containsExactly(
        "[error] workflow.yaml:9:20: error: prompt of node \"greet\": {nmae} names no state field (did you mean \"name\"?)\n"
            + "        prompt: \"Greet {nmae}.\"\n"
            + "                       ^",
        "[error] workflow.yaml:14:23: error: edges[1]: to names an unknown node \"ENDD\" (did you mean \"END\"?)\n"
            + "      - {from: greet, to: ENDD}\n"
            + "                          ^");
  }

  @Test
  void warningsAloneDoNotFailTheBuild() throws Exception {
    Files.writeString(project.resolve("workflow.yaml"), VALID.replace("flow: {name: hello}", "flow: {name: hello, author: me}"));
    mojo.execute();
    assertThat(log.lines).hasSize(2);
    assertThat(log.lines.get(0)).startsWith("[warn] workflow.yaml:2:21: warning: flow: unknown key \"author\" (ignored)");
    assertThat(log.lines.get(1)).startsWith("[info] workflow.yaml is valid");
  }

  @Test
  void strictModeFailsOnWarnings() throws IOException {
    Files.writeString(project.resolve("workflow.yaml"), VALID.replace("flow: {name: hello}", "flow: {name: hello, author: me}"));
    mojo.strict = true;
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("workflow.yaml has 1 warning, and strict mode (workflow.strict) treats warnings as errors; see the diagnostics above.");
  }

  @Test
  void missingFileSaysWhereItLookedAndWhichPropertyToSet() {
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("No workflow file at " + project.resolve("workflow.yaml"))
        .hasMessageContaining("<workflowFile>")
        .hasMessageContaining("-Dworkflow.file=");
  }

  @Test
  void skipSkipsEvenWithoutAFile() throws Exception {
    mojo.skip = true;
    mojo.execute();
    assertThat(log.lines).containsExactly("[info] workflow:validate skipped (workflow.skip)");
  }

  @Test
  void fileOutsideTheExecutionRootIsNamedByItsAbsolutePath() throws IOException {
    Path elsewhere = Files.createDirectories(project.resolve("other"));
    Files.writeString(elsewhere.resolve("flow.json"), "{}");
    mojo.workflowFile = elsewhere.resolve("flow.json").toFile();
    mojo.executionRoot = Files.createDirectories(project.resolve("root")).toFile();
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    assertThat(log.lines.get(0)).startsWith("[error] " + elsewhere.resolve("flow.json") + ":1:1: error:");
  }

  /** A Maven log that keeps what it is given. */
  static final class CapturingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      lines.add("[info] " + content);
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("[warn] " + content);
    }

    @Override
    public void error(CharSequence content) {
      lines.add("[error] " + content);
    }
  }
}
