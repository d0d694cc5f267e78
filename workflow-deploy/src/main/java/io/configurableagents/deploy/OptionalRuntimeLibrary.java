package io.configurableagents.deploy;

import io.configurableagents.core.model.BuiltInTool;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.Workflow;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An optional dependency of the runtime that an image carries only when its workflow uses it
 * (docs/deploy.md, The image): the build tool adds the runtime's own declaration of it, version
 * included, to the runtime's dependencies.
 */
public enum OptionalRuntimeLibrary {
  /** The SQLite driver: 12 MB of native libraries for every platform, for sql_query's {@code jdbc:sqlite:} URLs. */
  SQLITE_JDBC("org.xerial", "sqlite-jdbc", "the SQLite driver", BuiltInTool.SQL_QUERY);

  private final String groupId;
  private final String artifactId;
  private final String what;
  private final BuiltInTool tool;

  OptionalRuntimeLibrary(String groupId, String artifactId, String what, BuiltInTool tool) {
    this.groupId = groupId;
    this.artifactId = artifactId;
    this.what = what;
    this.tool = tool;
  }

  public String groupId() {
    return groupId;
  }

  public String artifactId() {
    return artifactId;
  }

  /** The libraries {@code workflow} needs, in declaration order. */
  public static List<OptionalRuntimeLibrary> neededBy(Workflow workflow) {
    return Arrays.stream(values()).filter(library -> library.reason(workflow).isPresent()).toList();
  }

  /**
   * Why {@code workflow} needs it, for the build log: {@code the SQLite driver: node 'lookup'
   * lists sql_query}; empty when it does not.
   */
  public Optional<String> reason(Workflow workflow) {
    List<String> nodes = workflow.nodes().stream()
        .filter(node -> node.tools().stream().anyMatch(t -> t.name().equals(tool.id())))
        .map(NodeSpec::id)
        .toList();
    if (nodes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(what + ": node" + (nodes.size() == 1 ? " '" : "s '") + String.join("', '", nodes)
        + (nodes.size() == 1 ? "' lists " : "' list ") + tool.id());
  }

  @Override
  public String toString() {
    return groupId + ":" + artifactId;
  }
}
