package io.configurableagents.core.model;

import java.util.Map;

/**
 * One entry of a node's {@code tools}: the string form {@code serper_search} or the object form
 * {@code {name, on_error, config}}.
 *
 * @param onError {@code "fail"} (default) or {@code "continue"}
 * @param config the object form's {@code config}, in file order (values may be null)
 * @param location where the tool's name is in the file
 */
public record ToolSpec(String name, String onError, Map<String, Object> config, SourceLocation location) {
  public ToolSpec {
    config = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
  }
}
