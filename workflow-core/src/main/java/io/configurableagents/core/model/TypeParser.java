package io.configurableagents.core.model;

/** Implementation of {@link TypeRef#parse}. */
final class TypeParser {
  private TypeParser() {}

  static TypeRef parse(String typeString) {
    throw new UnsupportedOperationException("TypeParser: not implemented yet");
  }
}
