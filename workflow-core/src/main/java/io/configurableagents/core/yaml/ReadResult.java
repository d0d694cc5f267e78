package io.configurableagents.core.yaml;

import io.configurableagents.core.validate.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What a reader made of a file: the tree (absent when the file could not be parsed at all, or is
 * empty) and the problems found on the way (duplicate keys, unsupported tags...).
 */
record ReadResult(Optional<YamlNode> root, List<Diagnostic> diagnostics) {
  ReadResult {
    diagnostics = List.copyOf(diagnostics);
  }

  static ReadResult failed(Diagnostic diagnostic) {
    return new ReadResult(Optional.empty(), List.of(diagnostic));
  }
}
