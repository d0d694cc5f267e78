package io.configurableagents.runtime.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** json_parse, yaml_parse, dataframe_to_csv, sql_query, env_vars, shell and process. */
class DataToolsTest {
  @TempDir Path tmp;

  private ToolFixture tools(Map<String, String> env) {
    return new ToolFixture(env, tmp);
  }

  @Test
  void jsonAndYamlParseOrSayWhereTheTextIsMalformed() throws Exception {
    ToolFixture t = tools(Map.of());
    assertThat(t.call("json_parse", ToolFixture.input("text", "{\"a\": [1, 2]}")).path("parsed").path("a").get(1).asInt()).isEqualTo(2);
    assertThat(t.call("yaml_parse", ToolFixture.input("text", "a:\n  - x\n  - y\n")).path("parsed").path("a").get(1).asText()).isEqualTo("y");
    assertThatThrownBy(() -> t.call("json_parse", ToolFixture.input("text", "{\"a\": ")))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.BAD_INPUT))
        .hasMessageStartingWith("not JSON: ");
    assertThatThrownBy(() -> t.call("yaml_parse", ToolFixture.input("text", "a: [1, 2")))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.BAD_INPUT));
  }

  @Test
  void rowsOrColumnsBecomeCsvWithQuotingWhereNeeded() throws Exception {
    ToolFixture t = tools(Map.of());
    JsonNode rows = t.call("dataframe_to_csv", "{\"data\": [{\"name\": \"Ada\", \"note\": \"says \\\"hi\\\", twice\"}, {\"name\": \"Bo\", \"age\": 3}]}");
    assertThat(rows.path("csv").asText()).isEqualTo("name,note,age\r\nAda,\"says \"\"hi\"\", twice\",\r\nBo,,3\r\n");
    JsonNode columns = t.call("dataframe_to_csv", "{\"data\": {\"x\": [1, 2], \"y\": [\"a\", \"b\"]}}");
    assertThat(columns.path("csv").asText()).isEqualTo("x,y\r\n1,a\r\n2,b\r\n");
    assertThat(columns.path("rows_written").asInt()).isEqualTo(2);
  }

  @Test
  void sqlQueryReadsAndRefusesToWrite() throws Exception {
    Path db = tmp.resolve("shop.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
      s.execute("create table items(name text, price real)");
      s.execute("insert into items values ('tea', 3.5), ('cake', 4)");
    }
    ToolFixture t = tools(Map.of("SQL_QUERY_URL", "jdbc:sqlite:" + db));
    JsonNode result = t.call("sql_query", ToolFixture.input("query", "SELECT name, price FROM items ORDER BY price"));
    assertThat(result.path("columns")).extracting(JsonNode::asText).containsExactly("name", "price");
    assertThat(result.path("rows").get(1).path("name").asText()).isEqualTo("cake");
    assertThat(result.path("row_count").asInt()).isEqualTo(2);

    for (String write : List.of("DELETE FROM items", "select 1; drop table items", "WITH x AS (SELECT 1) DELETE FROM items",
        "UPDATE items SET price = 0")) {
      assertThatThrownBy(() -> t.call("sql_query", ToolFixture.input("query", write)))
          .as(write)
          .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.REFUSED))
          .hasMessageStartingWith("sql_query runs one read-only statement");
    }
    assertThat(t.call("sql_query", ToolFixture.input("query", "select count(*) as n from items")).path("rows").get(0).path("n").asInt())
        .isEqualTo(2);
  }

  @Test
  void sqlQueryWithoutADatabaseSaysHowToNameOne() {
    assertThatThrownBy(() -> tools(Map.of()).call("sql_query", ToolFixture.input("query", "select 1")))
        .hasMessageStartingWith("no database: set SQL_QUERY_URL in the environment");
  }

  @Test
  void envVarsReadsOnlyAllowedVariablesAndNeverKeys() throws Exception {
    ToolFixture t = tools(Map.of(
        "ALLOWED_ENV_VARS", "APP_MODE,APP_REGION,OPENAI_API_KEY,DB_PASSWORD",
        "APP_MODE", "production", "APP_REGION", "eu", "OPENAI_API_KEY", "sk-secret-value-123",
        "DB_PASSWORD", "hunter2hunter2", "HOME", "/root"));
    JsonNode all = t.call("env_vars", "{}");
    assertThat(all.path("vars").properties()).extracting(Map.Entry::getKey).containsExactly("APP_MODE", "APP_REGION");
    assertThat(all.toString()).doesNotContain("sk-secret-value-123", "hunter2", "/root");
    assertThat(t.call("env_vars", ToolFixture.input("pattern", "*MODE")).path("vars").toString()).isEqualTo("{\"APP_MODE\":\"production\"}");
    assertThat(tools(Map.of("APP_MODE", "x")).call("env_vars", "{}").path("vars").isEmpty()).isTrue();
  }

  @Test
  void shellRunsOnlyAllowedCommandsWithoutAShell() throws Exception {
    Files.writeString(tmp.resolve("a.txt"), "alpha");
    ToolFixture t = tools(Map.of("ALLOWED_COMMANDS", "cat,echo"));
    JsonNode out = t.call("shell", ToolFixture.input("command", "cat '" + tmp.resolve("a.txt") + "'"));
    assertThat(out.path("exit_code").asInt()).isZero();
    assertThat(out.path("output").asText()).isEqualTo("alpha");

    assertThatThrownBy(() -> t.call("shell", ToolFixture.input("command", "rm -rf " + tmp)))
        .isInstanceOfSatisfying(ToolException.class, e -> assertThat(e.kind()).isEqualTo(ToolException.Kind.REFUSED))
        .hasMessage("the command \"rm\" is not allowed (allowed: cat, echo); to allow it, add rm to the ALLOWED_COMMANDS"
            + " environment variable (comma-separated)");
    assertThatThrownBy(() -> t.call("shell", ToolFixture.input("command", "echo hi; rm -rf " + tmp)))
        .hasMessageStartingWith("shell syntax (;) is not run");
    assertThat(tmp.resolve("a.txt")).exists();
  }

  @Test
  void byDefaultNoCommandIsAllowed() {
    assertThatThrownBy(() -> tools(Map.of()).call("process", ToolFixture.input("command", "sleep", "args", List.of("1"))))
        .hasMessage("the command \"sleep\" is not allowed (no command is); to allow it, add sleep to the ALLOWED_COMMANDS"
            + " environment variable (comma-separated)");
  }

  @Test
  void processStartsAnAllowedProgramInTheBackground() throws Exception {
    JsonNode started = tools(Map.of("ALLOWED_COMMANDS", "sleep")).call("process", ToolFixture.input("command", "sleep", "args", List.of("0")));
    assertThat(started.path("status").asText()).isEqualTo("started");
    assertThat(started.path("pid").asLong()).isPositive();
  }
}
