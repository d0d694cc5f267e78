package io.configurableagents.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.yaml.WorkflowLoader;
import io.configurableagents.deploy.EnvFileChoice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionEnvTest {
  private static final String SECRET = "sk-console-test-9f8e7d6c5b4a";

  @TempDir Path dir;
  private final SessionEnv env = new SessionEnv();
  private final ConsoleSuggestions suggestions = new ConsoleSuggestions();

  @Test
  void aValueShowsItsFirstThreeCharactersOnlyWhenItIsLongEnoughToHideTheRest() {
    assertThat(SessionEnv.mask(SECRET)).isEqualTo("sk-***");
    assertThat(SessionEnv.mask("12345678")).isEqualTo("123***");
    assertThat(SessionEnv.mask("debug")).isEqualTo("***");
    assertThat(SessionEnv.mask("")).isEqualTo("(empty)");
  }

  @Test
  void theViewNamesEachVariableWithItsValueMaskedAndTheDeployChecksFindings() {
    env.set("prod.env", "OPENAI_API_KEY=" + SECRET + "\n" + SECRET + "\nLOG_LEVEL=debug\n");

    // the workflow's search tool needs SERPER_API_KEY too
    Workflow workflow = WorkflowLoader.fromString("workflow.yaml",
        TestConsoles.WORKFLOW.replace("outputs: [summary]", "outputs: [summary]\n    tools: [serper_search]")).load();
    ObjectNode view = env.view(Optional.of(workflow), suggestions);

    assertThat(view.toString()).doesNotContain(SECRET);
    assertThat(view.get("set").asBoolean()).isTrue();
    assertThat(view.get("variables")).hasSize(2);
    assertThat(view.at("/variables/0/name").asText()).isEqualTo("OPENAI_API_KEY");
    assertThat(view.at("/variables/0/masked").asText()).isEqualTo("sk-***");
    assertThat(view.at("/variables/1/masked").asText()).isEqualTo("***");
    assertThat(view.at("/findings/0/line").asInt()).isEqualTo(2);
    assertThat(view.at("/findings/0/message").asText()).startsWith("prod.env line 2 has no '=' and may be malformed");
    assertThat(view.at("/findings/1/message").asText())
        .isEqualTo("prod.env does not set SERPER_API_KEY (the serper_search tool of node 'summarize'); runs fail until"
            + " it is set");
  }

  @Test
  void onDiskTheEnvironmentIsOnlyTheOwnersAndOnlyUntilTheDeployIsDone() throws IOException {
    env.set(".env", "OPENAI_API_KEY=" + SECRET + "\n");

    Path file;
    try (SessionEnv.EnvFile written = env.writeFile(dir)) {
      file = written.path().orElseThrow();
      assertThat(written.choice()).isEqualTo(new EnvFileChoice.ExplicitFile(file));
      assertThat(Files.readString(file)).isEqualTo("OPENAI_API_KEY=" + SECRET + "\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }
    assertThat(file).doesNotExist();
  }

  @Test
  void withoutAnEnvironmentTheDeployGetsNone() {
    try (SessionEnv.EnvFile none = env.writeFile(dir)) {
      assertThat(none.path()).isEmpty();
      assertThat(none.choice()).isEqualTo(new EnvFileChoice.NoFile());
    }
    assertThat(env.view(Optional.empty(), suggestions).toString()).isEqualTo("{\"set\":false}");
  }

  @Test
  void anEnvironmentOver64KilobytesIsRefused() {
    assertThatThrownBy(() -> env.set(".env", "A=" + "x".repeat(SessionEnv.MAX_BYTES)))
        .isInstanceOfSatisfying(ConsoleProblem.class, e -> assertThat(e.status().code()).isEqualTo(413))
        .hasMessage("The environment is larger than the console takes: an environment of at most 64 KB");
    assertThat(env.isSet()).isFalse();
  }
}
