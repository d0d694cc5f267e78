package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.WorkflowEnvironment;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * {@code sql_query}: one read-only query against the JDBC URL of the tool's {@code config.url} or
 * {@code SQL_QUERY_URL} (PostgreSQL or SQLite). Read-only three ways: the text must be one {@code
 * SELECT} (or {@code WITH ... SELECT}, {@code EXPLAIN}, {@code VALUES}) statement; SQLite opens the
 * file read-only; the connection is read-only and rolled back. At most {@code config.max_rows} rows.
 */
final class SqlTool implements Tool {
  private static final Pattern READ_ONLY_START = Pattern.compile("(?is)^\\s*(select|with|explain|values)\\b.*");
  private static final Pattern WRITES = Pattern.compile(
      "(?i)\\b(insert|update|delete|merge|drop|alter|create|truncate|grant|revoke|attach|detach|pragma|vacuum|reindex|copy|call|do|set)\\b");

  private final ToolDefinition definition;
  private final Optional<String> configuredUrl;
  private final ToolSettings settings;
  private final int maxRows;
  private final Duration timeout;

  SqlTool(Optional<String> configuredUrl, ToolSettings settings, int maxRows, Duration timeout) {
    this.configuredUrl = configuredUrl;
    this.settings = settings;
    this.maxRows = maxRows;
    this.timeout = timeout;
    this.definition = new ToolDefinition("sql_query",
        "Runs one read-only SQL query (SELECT) on the workflow's database and returns the columns and rows (at most " + maxRows + ").",
        Inputs.schema(new String[][] {{"query", "string", "one SELECT statement"}}, "query"));
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    String query = Inputs.text(input, "query").strip();
    if (query.endsWith(";")) {
      query = query.substring(0, query.length() - 1).strip();
    }
    if (!READ_ONLY_START.matcher(query).matches() || query.contains(";") || WRITES.matcher(withoutStrings(query)).find()) {
      throw ToolException.refused("sql_query runs one read-only statement (SELECT, WITH ... SELECT, EXPLAIN, VALUES);"
          + " this one is not: " + abbreviate(query));
    }
    String url = configuredUrl.or(() -> settings.variable(WorkflowEnvironment.SQL_QUERY_URL))
        .orElseThrow(() -> ToolException.failed("no database: set SQL_QUERY_URL in the environment (a JDBC URL such as"
            + " jdbc:postgresql://host/db?user=reader or jdbc:sqlite:/app/data/files/app.db), or config: {url: ...} on the tool"));
    try (Connection connection = connect(url)) {
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setMaxRows(maxRows);
        statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        try (ResultSet rows = statement.executeQuery(query)) {
          return result(rows);
        }
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw ToolException.failed("the query failed: " + e.getMessage());
    }
  }

  private static Connection connect(String url) throws ToolException, SQLException {
    Properties properties = new Properties();
    if (url.startsWith("jdbc:sqlite:")) {
      properties.setProperty("open_mode", "1");
    } else if (!url.startsWith("jdbc:postgresql:")) {
      String scheme = url.split(":").length > 1 ? url.split(":")[0] + ":" + url.split(":")[1] : url.split(":")[0];
      throw ToolException.failed("sql_query speaks to PostgreSQL (jdbc:postgresql:...) and SQLite (jdbc:sqlite:...), not " + scheme);
    }
    try {
      return DriverManager.getConnection(url, properties);
    } catch (SQLException e) {
      if (url.startsWith("jdbc:sqlite:") && e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
        throw ToolException.failed("this runtime has no SQLite driver (org.xerial:sqlite-jdbc, an optional dependency that"
            + " workflow:deploy puts into the images of workflows listing sql_query); put it on the runtime's class path,"
            + " or use PostgreSQL (see docs/tools.md, sql_query)");
      }
      throw e;
    }
  }

  private String result(ResultSet rows) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    ObjectNode out = Inputs.JSON.createObjectNode();
    ArrayNode columns = out.putArray("columns");
    for (int i = 1; i <= meta.getColumnCount(); i++) {
      columns.add(meta.getColumnLabel(i));
    }
    ArrayNode list = out.putArray("rows");
    while (rows.next()) {
      ObjectNode row = list.addObject();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        Object value = rows.getObject(i);
        row.set(meta.getColumnLabel(i), Inputs.JSON.valueToTree(value instanceof Number || value instanceof Boolean || value == null
            ? value : value.toString()));
      }
    }
    out.put("row_count", list.size());
    if (list.size() >= maxRows) {
      out.put("note", "only the first " + maxRows + " rows are shown");
    }
    return out.toString();
  }

  private static String withoutStrings(String sql) {
    return sql.replaceAll("'(?:[^']|'')*'", "''").replaceAll("\"(?:[^\"]|\"\")*\"", "\"\"").toLowerCase(Locale.ROOT);
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
