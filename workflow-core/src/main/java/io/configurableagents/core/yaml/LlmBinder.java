package io.configurableagents.core.yaml;

import io.configurableagents.core.model.LlmSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.validate.Diagnostics;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads {@code config.llm} and a node's {@code llm} (docs/workflow-format.md, "Config"; docs/providers.md, "Settings"). */
final class LlmBinder {
  private static final List<String> PROVIDERS = Arrays.stream(Provider.values()).map(Provider::id).toList();

  private LlmBinder() {}

  static Optional<LlmSpec> bind(YamlNode node, List<Object> path, String context, Diagnostics out) {
    return MapReader.of(node, path, context, Keys.LLM, out).map(r -> new LlmSpec(
        r.oneOf("provider", PROVIDERS, false).flatMap(Provider::fromId),
        r.string("model"),
        r.decimal("temperature", 0.0, 1.0),
        r.integer("max_tokens", 1, Integer.MAX_VALUE).map(Long::intValue),
        r.string("api_base")));
  }
}
