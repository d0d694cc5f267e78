package io.configurableagents.core.model;

import java.util.List;
import java.util.Objects;

/**
 * An environment variable the runtime reads for a workflow: a provider's key, or what a tool
 * needs or accepts (docs/tools.md). {@link WorkflowEnvironment} lists them.
 *
 * @param user what reads it: {@code the openai provider}, {@code the serper_search tool}, {@code
 *     the web_scrape and http_client tools}
 * @param nodeIds the nodes whose provider or tools read it, in file order
 * @param purpose what it holds, one sentence for a comment beside it
 */
public record EnvironmentVariable(String name, Need need, String user, List<String> nodeIds, String purpose) {

  /** How much a workflow depends on a variable. */
  public enum Need {
    /** Every run fails at once while it is unset or blank, and readiness says so: a provider's or a search tool's key. */
    REQUIRED,
    /** A tool does nothing useful without it: its calls fail or are refused ({@code SQL_QUERY_URL}, {@code ALLOWED_COMMANDS}). */
    NEEDED,
    /** It changes a default, or stands in for another variable ({@code TAVILY_API_KEY} with {@code WEB_SEARCH_PROVIDER=tavily}). */
    OPTIONAL
  }

  public EnvironmentVariable {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(need, "need");
    Objects.requireNonNull(user, "user");
    nodeIds = List.copyOf(nodeIds);
    Objects.requireNonNull(purpose, "purpose");
  }

  /** {@code the openai provider of nodes 'a', 'b'}. */
  public String usedBy() {
    return user + " of node" + (nodeIds.size() == 1 ? " '" : "s '") + String.join("', '", nodeIds) + "'";
  }

  /** {@code OPENAI_API_KEY (the openai provider of nodes 'a', 'b')}. */
  public String describe() {
    return name + " (" + usedBy() + ")";
  }
}
