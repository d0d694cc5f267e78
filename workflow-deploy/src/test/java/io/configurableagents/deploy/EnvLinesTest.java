package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnvLinesTest {
  private static final String SECRET = "sk-live-5ecret-value";
  private final HelpfulSuggestions suggestions = new HelpfulSuggestions();

  @Test
  void variablesAreReadAsDockerReadsThemTheLastLineOfANameWinning() {
    EnvLines env = EnvLines.parse("# keys\n\nOPENAI_API_KEY=first\r\n  LOG_LEVEL=debug\nOPENAI_API_KEY=" + SECRET + "\n");

    assertThat(env.variables()).extracting(EnvLines.Variable::name, EnvLines.Variable::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("OPENAI_API_KEY", 3),
            org.assertj.core.groups.Tuple.tuple("LOG_LEVEL", 4), org.assertj.core.groups.Tuple.tuple("OPENAI_API_KEY", 5));
    assertThat(env.values()).containsEntry("OPENAI_API_KEY", SECRET).containsEntry("LOG_LEVEL", "debug");
    assertThat(env.findings(".env", Optional.of(TestRequests.openAiWorkflow()), suggestions)).isEmpty();
  }

  @Test
  void findingsNameLinesAndVariablesInLineOrderNeverAValue() {
    EnvLines env = EnvLines.parse("A='" + SECRET + "'\n" + SECRET + "\nexport B=" + SECRET + "\nSQL_QUERY_URL=\n");

    List<EnvLines.Finding> findings = env.findings("prod.env", Optional.of(TestRequests.withTools("[sql_query]")), suggestions);

    assertThat(findings).extracting(EnvLines.Finding::error, EnvLines.Finding::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(true, 3), org.assertj.core.groups.Tuple.tuple(false, 1),
        org.assertj.core.groups.Tuple.tuple(false, 2), org.assertj.core.groups.Tuple.tuple(false, 0),
        org.assertj.core.groups.Tuple.tuple(false, 0));
    assertThat(findings).extracting(EnvLines.Finding::message).containsExactly(
        "prod.env line 3: the variable name (before '=') contains a space, which docker run rejects (and Docker's own"
            + " message would print the line); perhaps you should write it as NAME=value, without 'export' or spaces"
            + " around the name",
        "prod.env line 1: the value of A is in quotes; docker run keeps the quotes as part of the value, so write it"
            + " without them",
        "prod.env line 2 has no '=' and may be malformed: docker run reads it as the name of a variable to copy from its"
            + " own environment; write NAME=value",
        "prod.env does not set OPENAI_API_KEY (the openai provider of node 'a'); runs fail until it is set",
        "prod.env: SQL_QUERY_URL is empty; the sql_query tool of node 'a' needs a value");
    assertThat(findings.toString()).doesNotContain(SECRET);
  }

  @Test
  void anEnvironmentWithoutVariablesSaysSoAndNamesEveryMissingKey() {
    List<EnvLines.Finding> findings = EnvLines.parse("# nothing yet\n").findings(".env",
        Optional.of(TestRequests.withTools("[serper_search]")), suggestions);

    assertThat(findings).extracting(EnvLines.Finding::message).containsExactly(
        ".env defines no variables",
        ".env does not set OPENAI_API_KEY (the openai provider of node 'a'), SERPER_API_KEY (the serper_search tool of"
            + " node 'a'); runs fail until they are set");
  }

  @Test
  void withoutAWorkflowOnlyTheLinesAreJudged() {
    assertThat(EnvLines.parse("LOG_LEVEL=debug\n").findings(".env", Optional.empty(), suggestions)).isEmpty();
  }
}
