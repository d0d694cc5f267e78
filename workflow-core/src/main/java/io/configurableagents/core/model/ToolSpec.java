package io.configurableagents.core.model;

import java.util.Map;

/**
 * One entry of a node's {@code tools}: the string form {@code serper_search} or the object form
 * {@code {name, on_error, config}}.
 *
 * @param onError {@code "fail"} (default) or {@code "continue"}
 */
public record ToolSpec(String name, String onError, Map<String, Object> config, SourceLocation location) {
  public ToolSpec {
    config = Map.copyOf(config);
  }
}
