package io.configurableagents.core.yaml;

/** Python's {@code str.isidentifier()}, which the reference applies to node ids. */
final class Identifiers {
  private Identifiers() {}

  static boolean isIdentifier(String s) {
    if (s.isEmpty()) {
      return false;
    }
    int first = s.codePointAt(0);
    if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
      return false;
    }
    return s.codePoints().skip(1).allMatch(c -> c == '_' || Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c));
  }
}
