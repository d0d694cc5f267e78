package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.Provider;
import java.util.Objects;

/** A provider and a model, as events and messages name them. */
public record LlmTarget(Provider provider, String model) {
  public LlmTarget {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
  }

  @Override
  public String toString() {
    return provider.id() + "/" + model;
  }
}
