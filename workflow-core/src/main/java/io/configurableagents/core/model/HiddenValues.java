package io.configurableagents.core.model;

/**
 * Values a run makes visible to prompts and conditions beside the declared state fields. They never
 * appear in a run's result. Declared field names cannot start with {@code _}, so they never clash.
 */
public final class HiddenValues {
  /** The current item of a {@code parallel} edge, in the target node's templates. */
  public static final String PARALLEL_ITEM = "_parallel_item";

  /** The 0-based index of that item. */
  public static final String PARALLEL_INDEX = "_parallel_index";

  private static final String LOOP_ITERATION_PREFIX = "_loop_iteration_";

  private HiddenValues() {}

  /** {@code _loop_iteration_<node>}: how many times the node has run so far in this run (1 on its first run). */
  public static String loopIteration(String nodeId) {
    return LOOP_ITERATION_PREFIX + nodeId;
  }

  public static boolean isHidden(String name) {
    return name.startsWith("_");
  }
}
