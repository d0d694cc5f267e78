package io.configurableagents.deploy;

import io.configurableagents.core.model.BuiltInTool;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.Workflow;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An optional dependency of the runtime that an image carries only when its workflow uses it
 * (docs/deploy.md, The image). The build tool resolves the runtime with all of them, in the
 * versions the runtime declares ({@link RuntimeJars}); {@link #forWorkflow} keeps those the
 * workflow needs, so that every goal and the console build the same image.
 */
public enum OptionalRuntimeLibrary {
  /** The SQLite driver for sql_query's {@code jdbc:sqlite:} URLs: a 12 MB jar with native libraries for 25 platforms. */
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

  /** The libraries {@code workflow} needs, in declaration order. */
  public static List<OptionalRuntimeLibrary> neededBy(Workflow workflow) {
    return Arrays.stream(values()).filter(library -> library.reason(workflow).isPresent()).toList();
  }

  /** {@code jars} without the optional libraries {@code workflow} does not need. */
  public static RuntimeJars forWorkflow(RuntimeJars jars, Workflow workflow) {
    List<OptionalRuntimeLibrary> needed = neededBy(workflow);
    List<Path> kept = jars.libraries().stream()
        .filter(jar -> Arrays.stream(values()).filter(l -> !needed.contains(l)).noneMatch(l -> l.isFile(jar)))
        .toList();
    return new RuntimeJars(jars.runtimeJar(), kept);
  }

  /** Its jar among {@code jars}: {@code sqlite-jdbc-3.53.0.0.jar}, as Maven's local repository names it. */
  public Optional<Path> jarIn(RuntimeJars jars) {
    return jars.libraries().stream().filter(this::isFile).findFirst();
  }

  private boolean isFile(Path jar) {
    String name = jar.getFileName().toString();
    return name.endsWith(".jar") && name.startsWith(artifactId + "-") && name.length() > artifactId.length() + 1
        && Character.isDigit(name.charAt(artifactId.length() + 1));
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
