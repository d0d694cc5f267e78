package io.configurableagents.core.model;

import io.configurableagents.core.expr.NearestName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Implementation of {@link TypeRef#parse}: a recursive-descent parser over the grammar of
 * docs/workflow-format.md, "State" (type strings; a dict splits at its top-level comma).
 *
 * <p>Whitespace is allowed around the whole string and around the types inside brackets (the
 * reference trims there), never between {@code list}/{@code dict} and {@code [}. When a string
 * fails, the parser applies the fix it knows for the failure ({@code List} to {@code list}, a
 * missing {@code ]}) and tries again, so the hint can name a whole corrected type.
 */
final class TypeParser {
  static final int MAX_DEPTH = 32;
  private static final List<String> NAMES = List.of("str", "int", "float", "bool", "object", "list", "dict");
  private static final String VALID = "valid types: str, int, float, bool, object, list, dict, list[T], dict[K, V]";
  private static final int MAX_REPAIRS = 8;
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("string", "str"), Map.entry("text", "str"),
      Map.entry("integer", "int"), Map.entry("long", "int"),
      Map.entry("number", "float"), Map.entry("double", "float"), Map.entry("decimal", "float"),
      Map.entry("boolean", "bool"),
      Map.entry("array", "list"), Map.entry("tuple", "list"), Map.entry("set", "list"),
      Map.entry("sequence", "list"),
      Map.entry("map", "dict"), Map.entry("mapping", "dict"));

  private final String text;
  private int pos;

  private TypeParser(String text) {
    this.text = text;
  }

  static TypeRef parse(String typeString) {
    Objects.requireNonNull(typeString, "typeString");
    try {
      return new TypeParser(typeString).whole();
    } catch (Failure failure) {
      throw explain(typeString, failure);
    }
  }

  private static TypeSyntaxException explain(String typeString, Failure failure) {
    Optional<String> hint = repair(typeString, failure)
        .map(fixed -> failure.optionalAtTop
            ? "perhaps you should write " + quote(fixed) + " and leave the field not required; such a field may be null"
            : "did you mean " + quote(fixed) + "?")
        .or(() -> failure.advice);
    return new TypeSyntaxException("invalid type " + quote(typeString) + ": " + failure.problem, hint, failure.offset);
  }

  /** Applies the known fixes one after another; the corrected string if that makes it parse. */
  private static Optional<String> repair(String original, Failure first) {
    String current = original;
    Optional<Fix> fix = first.fix;
    for (int i = 0; i < MAX_REPAIRS && fix.isPresent(); i++) {
      current = fix.get().applyTo(current);
      try {
        new TypeParser(current).whole();
        return Optional.of(current.strip());
      } catch (Failure next) {
        fix = next.fix;
      }
    }
    return Optional.empty();
  }

  private TypeRef whole() {
    skipSpace();
    if (pos == text.length()) {
      throw new Failure(pos, "the type is empty").advice(VALID);
    }
    TypeRef type = type(0);
    skipSpace();
    if (pos < text.length()) {
      Failure failure = new Failure(pos, "unexpected " + found() + " after " + quote(type.typeString()));
      throw text.charAt(pos) == '|'
          ? failure.advice("a type string holds one type; to allow null, leave the field not required")
          : failure.fix(new Fix(pos, text.length(), ""));
    }
    return type;
  }

  private TypeRef type(int depth) {
    if (depth > MAX_DEPTH) {
      throw new Failure(pos, "it is nested more than " + MAX_DEPTH + " levels deep");
    }
    int start = pos;
    String name = name();
    switch (name) {
      case "str": return simple(new TypeRef.Str());
      case "int": return simple(new TypeRef.Int());
      case "float": return simple(new TypeRef.Float());
      case "bool": return simple(new TypeRef.Bool());
      case "object": return simple(TypeRef.ObjectType.untyped());
      case "list": return list(depth);
      case "dict": return dict(depth);
      case "":
        throw new Failure(pos, "expected a type name, found " + found()).advice(VALID);
      default:
        throw unknownName(start, name, depth);
    }
  }

  private TypeRef simple(TypeRef type) {
    if (peek('[')) {
      Failure failure = new Failure(pos, quote(type.typeString()) + " takes no type parameters").advice(VALID);
      throw matchingBracket(pos).map(close -> failure.fix(new Fix(pos, close + 1, ""))).orElse(failure);
    }
    return type;
  }

  private TypeRef list(int depth) {
    if (!openBracket("list")) {
      return new TypeRef.ListOf(Optional.empty());
    }
    if (peek(']')) {
      throw new Failure(pos, "the element type of \"list[]\" is missing")
          .advice("write \"list\" for a list of any values, or name the element type, e.g. \"list[str]\"");
    }
    TypeRef element = type(depth + 1);
    skipSpace();
    if (peek(',')) {
      throw new Failure(pos, "a list has one element type").advice("for key-value pairs write \"dict[K, V]\"");
    }
    close("list");
    return new TypeRef.ListOf(Optional.of(element));
  }

  private TypeRef dict(int depth) {
    if (!openBracket("dict")) {
      return new TypeRef.DictOf(Optional.empty(), Optional.empty());
    }
    if (peek(']')) {
      throw new Failure(pos, "the key and value types of \"dict[]\" are missing")
          .advice("write \"dict\" for any object, or name both types, e.g. \"dict[str, int]\"");
    }
    TypeRef key = type(depth + 1);
    int keyEnd = pos;
    skipSpace();
    if (peek(']')) {
      throw new Failure(pos, "a dict needs two types, key and value").advice("e.g. \"dict[str, int]\"");
    }
    if (!peek(',')) {
      throw pos == text.length()
          ? missingClose()
          : new Failure(pos, "expected \",\" after the key type, found " + found()).fix(new Fix(keyEnd, pos, ", "));
    }
    pos++;
    skipSpace();
    TypeRef value = type(depth + 1);
    skipSpace();
    if (peek(',')) {
      throw new Failure(pos, "a dict has exactly two types, key and value").advice("e.g. \"dict[str, int]\"");
    }
    close("dict");
    return new TypeRef.DictOf(Optional.of(key), Optional.of(value));
  }

  /** Consumes {@code [} and the space after it; false when no bracket follows the name. */
  private boolean openBracket(String name) {
    int afterName = pos;
    skipSpace();
    if (peek('[') && pos > afterName) {
      throw new Failure(afterName, "no space is allowed between " + quote(name) + " and \"[\"")
          .advice("remove the space")
          .fix(new Fix(afterName, pos, ""));
    }
    pos = afterName;
    if (!peek('[')) {
      return false;
    }
    pos++;
    skipSpace();
    return true;
  }

  private void close(String name) {
    if (pos == text.length()) {
      throw missingClose();
    }
    if (!peek(']')) {
      throw new Failure(pos, "expected \"]\" to close " + quote(name + "[") + ", found " + found());
    }
    pos++;
  }

  private Failure missingClose() {
    return new Failure(pos, "\"]\" is missing at the end").fix(new Fix(pos, pos, "]"));
  }

  private Failure unknownName(int start, String name, int depth) {
    if (name.equals("Optional") && peek('[')) {
      Failure failure = new Failure(start, "\"Optional\" is not part of the type language")
          .advice("leave the field not required instead; such a field may be null");
      failure.optionalAtTop = depth == 0;
      return matchingBracket(pos)
          .map(close -> failure.fix(new Fix(start, close + 1, text.substring(pos + 1, close).strip())))
          .orElse(failure);
    }
    Failure failure = new Failure(start, "unknown type name " + quote(name)).advice(VALID);
    return suggestName(name).map(s -> failure.fix(new Fix(start, pos, s))).orElse(failure);
  }

  private static Optional<String> suggestName(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (ALIASES.containsKey(lower)) {
      return Optional.of(ALIASES.get(lower));
    }
    // Short names are easily close to the wrong thing ("Any" is 2 edits from "int").
    int allowed = name.length() <= 3 ? 1 : NearestName.MAX_DISTANCE;
    return NearestName.closest(name, NAMES)
        .filter(candidate -> NearestName.distance(lower, candidate) <= allowed);
  }

  /** The index of the {@code ]} that closes the {@code [} at {@code open}. */
  private Optional<Integer> matchingBracket(int open) {
    int depth = 0;
    for (int i = open; i < text.length(); i++) {
      char c = text.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (depth == 0) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private String name() {
    int start = pos;
    while (pos < text.length() && isNameChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean peek(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private String found() {
    return pos >= text.length() ? "the end" : "\"" + text.charAt(pos) + "\"";
  }

  private static String quote(String s) {
    String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    return "\"" + shown + "\"";
  }

  /** A text replacement that would fix one failure. */
  private record Fix(int start, int end, String replacement) {
    String applyTo(String s) {
      return s.substring(0, start) + replacement + s.substring(end);
    }
  }

  /** Control flow inside the parser only; turned into a {@link TypeSyntaxException} at the top. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int offset;
    final String problem;
    Optional<String> advice = Optional.empty();
    Optional<Fix> fix = Optional.empty();
    boolean optionalAtTop;

    Failure(int offset, String problem) {
      super(problem, null, false, false);
      this.offset = offset;
      this.problem = problem;
    }

    Failure advice(String text) {
      advice = Optional.of(text);
      return this;
    }

    Failure fix(Fix replacement) {
      fix = Optional.of(replacement);
      return this;
    }
  }
}
