package io.configurableagents.runtime.llm;

import io.configurableagents.core.model.Provider;

/** A provider and a model, as events and messages name them. */
public record LlmTarget(Provider provider, String model) {
  @Override
  public String toString() {
    return provider.id() + "/" + model;
  }
}
