package io.configurableagents.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.configurableagents.core.model.EnvironmentVariable.Need;
import io.configurableagents.core.yaml.WorkflowLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The variables a workflow reads: providers' keys, then its tools' (docs/tools.md, Variables). */
class WorkflowEnvironmentTest {

  private static Workflow workflow(String... nodes) {
    StringBuilder yaml = new StringBuilder("""
        schema_version: "1.0"
        flow: {name: env}
        state:
          fields:
            topic: {type: str, required: true}
            notes: {type: str, default: ""}
        nodes:
        """);
    for (String node : nodes) {
      yaml.append(node.indent(2));
    }
    yaml.append("edges:\n");
    String from = "START";
    for (String node : nodes) {
      String id = node.substring("- {id: ".length(), node.indexOf(','));
      yaml.append("  - {from: ").append(from).append(", to: ").append(id).append("}\n");
      from = id;
    }
    yaml.append("  - {from: ").append(from).append(", to: END}\n")
        .append("config:\n  llm: {provider: openai, model: gpt-4o-mini}\n");
    return WorkflowLoader.fromString("workflow.yaml", yaml.toString()).load();
  }

  private static String node(String id, String tools) {
    return "- {id: " + id + ", prompt: \"p {state.topic}\", outputs: [notes], output_schema: {type: str}, tools: " + tools + "}\n";
  }

  private static Workflow workflowOf(String toolsOfA) {
    return workflow(node("a", toolsOfA));
  }

  @Test
  void aWorkflowWithoutToolsNeedsItsProvidersKeysOnly() {
    Workflow wf = workflowOf("[]");

    assertThat(WorkflowEnvironment.of(wf).variables())
        .extracting(EnvironmentVariable::name, EnvironmentVariable::need, EnvironmentVariable::user, EnvironmentVariable::nodeIds)
        .containsExactly(tuple("OPENAI_API_KEY", Need.REQUIRED, "the openai provider", java.util.List.of("a")));
    assertThat(wf.requiredEnvironment()).containsExactly("OPENAI_API_KEY");
  }

  @Test
  void serperSearchRequiresTheSerperKeyAndAcceptsItsAddressAndPrivateHosts() {
    WorkflowEnvironment env = WorkflowEnvironment.of(workflowOf("[serper_search]"));

    assertThat(env.toolVariables())
        .extracting(EnvironmentVariable::name, EnvironmentVariable::need)
        .containsExactly(
            tuple("SERPER_API_KEY", Need.REQUIRED),
            tuple("SERPER_BASE_URL", Need.OPTIONAL),
            tuple("ALLOWED_HOSTS", Need.OPTIONAL));
    assertThat(env.required()).extracting(EnvironmentVariable::describe)
        .containsExactly("OPENAI_API_KEY (the openai provider of node 'a')", "SERPER_API_KEY (the serper_search tool of node 'a')");
    assertThat(workflowOf("[serper_search]").requiredEnvironment()).containsExactly("OPENAI_API_KEY", "SERPER_API_KEY");
  }

  @Test
  void webSearchUsesSerperByDefaultAndNamesTavilyAsTheAlternative() {
    WorkflowEnvironment env = WorkflowEnvironment.of(workflowOf("[web_search]"));

    assertThat(env.toolVariables())
        .extracting(EnvironmentVariable::name, EnvironmentVariable::need)
        .containsExactly(
            tuple("SERPER_API_KEY", Need.REQUIRED),
            tuple("WEB_SEARCH_PROVIDER", Need.OPTIONAL),
            tuple("TAVILY_API_KEY", Need.OPTIONAL),
            tuple("SERPER_BASE_URL", Need.OPTIONAL),
            tuple("TAVILY_BASE_URL", Need.OPTIONAL),
            tuple("ALLOWED_HOSTS", Need.OPTIONAL));
    assertThat(env.toolVariables().get(1).purpose()).contains("with tavily, set TAVILY_API_KEY instead of SERPER_API_KEY");
  }

  @Test
  void webSearchProviderTavilyInTheEnvironmentRequiresTheTavilyKeyInstead() {
    Map<String, String> set = Map.of("WEB_SEARCH_PROVIDER", "Tavily ");
    WorkflowEnvironment env = WorkflowEnvironment.of(workflowOf("[web_search]"), name -> Optional.ofNullable(set.get(name)));

    assertThat(env.required()).extracting(EnvironmentVariable::name).containsExactly("OPENAI_API_KEY", "TAVILY_API_KEY");
    assertThat(env.toolVariables()).filteredOn(v -> v.name().equals("SERPER_API_KEY"))
        .extracting(EnvironmentVariable::need).containsExactly(Need.OPTIONAL);
  }

  @Test
  void webSearchWithItsProviderInConfigIgnoresTheEnvironment() {
    Map<String, String> set = Map.of("WEB_SEARCH_PROVIDER", "serper");
    WorkflowEnvironment env = WorkflowEnvironment.of(workflowOf("[{name: web_search, config: {provider: tavily}}]"),
        name -> Optional.ofNullable(set.get(name)));

    assertThat(env.toolVariables())
        .extracting(EnvironmentVariable::name, EnvironmentVariable::need)
        .containsExactly(
            tuple("TAVILY_API_KEY", Need.REQUIRED),
            tuple("TAVILY_BASE_URL", Need.OPTIONAL),
            tuple("ALLOWED_HOSTS", Need.OPTIONAL));
  }

  @Test
  void aKeyNeededByTwoToolsIsListedOnceWithEveryToolAndNodeThatNeedsIt() {
    Workflow wf = workflow(
        node("a", "[serper_search, web_scrape]"),
        node("b", "[web_search, http_client]"));

    WorkflowEnvironment env = WorkflowEnvironment.of(wf);

    assertThat(env.required()).extracting(EnvironmentVariable::describe).containsExactly(
        "OPENAI_API_KEY (the openai provider of nodes 'a', 'b')",
        "SERPER_API_KEY (the serper_search and web_search tools of nodes 'a', 'b')");
    assertThat(env.toolVariables()).filteredOn(v -> v.name().equals("ALLOWED_HOSTS")).singleElement()
        .satisfies(v -> assertThat(v.user()).isEqualTo("the serper_search, web_scrape, web_search and http_client tools"));
  }

  @Test
  void aRequiredUseOutranksAnOptionalOneAndKeepsOnlyTheNodesThatRequireIt() {
    Map<String, String> set = Map.of("WEB_SEARCH_PROVIDER", "tavily");
    Workflow wf = workflow(node("a", "[web_search]"), node("b", "[serper_search]"));

    WorkflowEnvironment env = WorkflowEnvironment.of(wf, name -> Optional.ofNullable(set.get(name)));

    assertThat(env.required()).extracting(EnvironmentVariable::describe).containsExactly(
        "OPENAI_API_KEY (the openai provider of nodes 'a', 'b')",
        "TAVILY_API_KEY (the web_search tool of node 'a')",
        "SERPER_API_KEY (the serper_search tool of node 'b')");
  }

  @Test
  void sqlQueryNeedsTheUrlVariableOnlyWhenItsConfigHasNoUrl() {
    assertThat(WorkflowEnvironment.of(workflowOf("[sql_query]")).toolVariables())
        .extracting(EnvironmentVariable::describe, EnvironmentVariable::need)
        .containsExactly(tuple("SQL_QUERY_URL (the sql_query tool of node 'a')", Need.NEEDED));
    assertThat(WorkflowEnvironment.of(workflowOf("[{name: sql_query, config: {url: \"jdbc:sqlite:/app/data/files/a.db\"}}]"))
        .toolVariables()).isEmpty();
  }

  @Test
  void commandFileAndEnvironmentToolsNameTheVariablesThatAllowThem() {
    WorkflowEnvironment env = WorkflowEnvironment.of(workflowOf("[file_read, file_write, shell, process, env_vars, json_parse, yaml_parse, dataframe_to_csv]"));

    assertThat(env.toolVariables())
        .extracting(EnvironmentVariable::name, EnvironmentVariable::need, EnvironmentVariable::user)
        .containsExactly(
            tuple("ALLOWED_PATHS", Need.OPTIONAL, "the file_read and file_write tools"),
            tuple("ALLOWED_COMMANDS", Need.NEEDED, "the shell and process tools"),
            tuple("ALLOWED_ENV_VARS", Need.NEEDED, "the env_vars tool"));
    assertThat(env.required()).extracting(EnvironmentVariable::name).containsExactly("OPENAI_API_KEY");
    assertThat(env.variables()).allSatisfy(v -> assertThat(v.purpose()).isNotBlank());
  }
}
