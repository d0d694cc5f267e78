package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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

  @Test
  void aWorkflowKeepsOnlyTheOptionalJarsItNeedsWhateverElseIsNamedAlike() {
    Path runtime = Path.of("/repo/helidon-runtime-0.1.0.jar");
    Path sqlite = Path.of("/repo/org/xerial/sqlite-jdbc/3.53.0.0/sqlite-jdbc-3.53.0.0.jar");
    Path alike = Path.of("/repo/sqlite-jdbc-extras-1.0.jar");
    Path postgres = Path.of("/repo/postgresql-42.7.8.jar");
    RuntimeJars all = new RuntimeJars(runtime, List.of(postgres, sqlite, alike));

    assertThat(OptionalRuntimeLibrary.forWorkflow(all, TestRequests.openAiWorkflow()).libraries())
        .containsExactly(postgres, alike);
    assertThat(OptionalRuntimeLibrary.forWorkflow(all, TestRequests.withTools("[sql_query]")).libraries())
        .containsExactly(postgres, sqlite, alike);
    assertThat(OptionalRuntimeLibrary.SQLITE_JDBC.jarIn(all)).contains(sqlite);
    assertThat(OptionalRuntimeLibrary.SQLITE_JDBC.jarIn(new RuntimeJars(runtime, List.of(alike)))).isEmpty();
  }
}
