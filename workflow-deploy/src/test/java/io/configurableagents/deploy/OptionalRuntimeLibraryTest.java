package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionalRuntimeLibraryTest {

  @Test
  void aWorkflowThatListsSqlQueryNeedsTheSqliteDriverAndSaysWhy() {
    assertThat(OptionalRuntimeLibrary.neededBy(TestRequests.withTools("[json_parse, {name: sql_query, on_error: continue}]")))
        .containsExactly(OptionalRuntimeLibrary.SQLITE_JDBC);
    assertThat(OptionalRuntimeLibrary.SQLITE_JDBC.reason(TestRequests.withTools("[sql_query]")))
        .contains("the SQLite driver: node 'a' lists sql_query");
    assertThat(OptionalRuntimeLibrary.SQLITE_JDBC).hasToString("org.xerial:sqlite-jdbc");
  }

  @Test
  void otherWorkflowsNeedNoOptionalLibrary() {
    assertThat(OptionalRuntimeLibrary.neededBy(TestRequests.withTools("[serper_search, file_read]"))).isEmpty();
    assertThat(OptionalRuntimeLibrary.neededBy(TestRequests.openAiWorkflow())).isEmpty();
    assertThat(OptionalRuntimeLibrary.SQLITE_JDBC.reason(TestRequests.openAiWorkflow())).isEmpty();
  }
}
