package io.configurableagents.runtime.engine;

import java.util.List;

/** Where the flow goes next, as decided by a {@link Router}. */
sealed interface Next {

  /** Run these nodes: none ends this branch, one continues it, several fan out. Never END. */
  record Nodes(List<String> ids) implements Next {
    public Nodes {
      ids = List.copyOf(ids);
    }
  }

  /** Run a {@code parallel} map, then go on along its target node's own edges. */
  record ForEach(Edge.Parallel edge) implements Next {}

  static Next nodes(List<String> ids) {
    return new Nodes(ids);
  }
}
