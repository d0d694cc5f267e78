package io.configurableagents.core.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tools a node may list in {@code tools} (docs/tools.md, "The tools"; names case-sensitive),
 * each with the keys its {@code config} may hold. What each tool does, its inputs and the
 * variables that allow it are in {@code docs/tools.md}.
 */
public enum BuiltInTool {
  SERPER_SEARCH("serper_search", "num_results"),
  WEB_SEARCH("web_search", "provider", "num_results"),
  WEB_SCRAPE("web_scrape"),
  HTTP_CLIENT("http_client"),
  FILE_READ("file_read"),
  FILE_WRITE("file_write"),
  FILE_GLOB("file_glob"),
  FILE_MOVE("file_move"),
  SQL_QUERY("sql_query", "url", "max_rows"),
  DATAFRAME_TO_CSV("dataframe_to_csv"),
  JSON_PARSE("json_parse"),
  YAML_PARSE("yaml_parse"),
  SHELL("shell"),
  PROCESS("process"),
  ENV_VARS("env_vars");

  private final String id;
  private final Set<String> configKeys;

  BuiltInTool(String id, String... ownConfig) {
    this.id = id;
    Set<String> keys = new LinkedHashSet<>(commonConfig());
    keys.addAll(List.of(ownConfig));
    this.configKeys = Collections.unmodifiableSet(keys);
  }

  /** The {@code config} keys every tool accepts: seconds per call, and the size cap of a result. */
  public static List<String> commonConfig() {
    return List.of("timeout", "max_result_chars");
  }

  /** The name written in workflow files. */
  public String id() {
    return id;
  }

  /** The keys its {@code config} may hold, the common ones first. */
  public Set<String> configKeys() {
    return configKeys;
  }

  /** The tool a workflow file names, exact match. */
  public static Optional<BuiltInTool> fromId(String id) {
    return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
  }

  /** Every name, in the order of the format's list. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(BuiltInTool::id).toList();
  }
}
