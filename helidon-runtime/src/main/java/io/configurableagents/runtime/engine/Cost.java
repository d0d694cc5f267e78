package io.configurableagents.runtime.engine;

/** What one node execution spent on the model so far. Confined to the node's thread. */
final class Cost {
  int attempts;
  long inputTokens;
  long outputTokens;
}
