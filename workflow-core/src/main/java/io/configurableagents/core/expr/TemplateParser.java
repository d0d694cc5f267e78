package io.configurableagents.core.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a template into literal text and placeholders in one left-to-right scan (docs/workflow-format.md,
 * "Prompts and placeholders"). Every brace group with content that is not a placeholder is a problem; the
 * cases that page keeps as plain text stay literal text.
 */
final class TemplateParser {
  /**
   * A dotted path of names: letters, digits, {@code _} and {@code .}, and also
   * {@code -} after the first character, because the reference's validator accepts
   * {@code {my-field}} for a field named {@code my-field} and then leaves it unreplaced: we
   * substitute it, as the file intends.
   */
  private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*");
  private static final Pattern PATH_WITH_EMPTY_SEGMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  private static final int MAX_SHOWN = 40;
  private static final String DOUBLE_THEM = "to show braces literally, double them: {{ and }}";

  /** A piece of a parsed template. */
  sealed interface Part permits Text, Slot {}

  record Text(String text) implements Part {}

  record Slot(FieldRef ref) implements Part {}

  record Parsed(List<Part> parts, List<ExprProblem> problems) {}

  private final String source;
  private final List<Part> parts = new ArrayList<>();
  private final List<ExprProblem> problems = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();

  private TemplateParser(String source) {
    this.source = source;
  }

  static Parsed parse(String source) {
    return new TemplateParser(source).run();
  }

  private Parsed run() {
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      boolean doubled = i + 1 < source.length() && source.charAt(i + 1) == c;
      if ((c == '{' || c == '}') && doubled) {
        text.append(c);
        i += 2;
      } else if (c == '{') {
        i = braceGroup(i);
      } else {
        text.append(c);
        i++;
      }
    }
    flushText();
    return new Parsed(List.copyOf(parts), List.copyOf(problems));
  }

  /** Handles the group opening at {@code open}; returns where scanning resumes. */
  private int braceGroup(int open) {
    int close = source.indexOf('}', open + 1);
    if (close < 0 || close == open + 1) {
      int end = close < 0 ? source.length() : close + 1;
      text.append(source, open, end);
      return end;
    }
    String inner = source.substring(open + 1, close);
    Optional<ExprProblem> problem = check(inner, open);
    if (problem.isPresent()) {
      problems.add(problem.get());
    } else {
      flushText();
      parts.add(new Slot(fieldRef(inner, open)));
    }
    return close + 1;
  }

  private void flushText() {
    if (text.length() > 0) {
      parts.add(new Text(text.toString()));
      text.setLength(0);
    }
  }

  private static Optional<ExprProblem> check(String inner, int offset) {
    String group = "{" + inner + "}";
    if (PATH.matcher(inner).matches()) {
      return Optional.empty();
    }
    if (PATH_WITH_EMPTY_SEGMENT.matcher(inner).matches() && (inner.endsWith(".") || inner.contains(".."))) {
      return Optional.of(ExprProblem.of(offset, "bad placeholder " + shown(group) + ": a path segment is empty",
          literally(inner)));
    }
    String trimmed = inner.strip();
    if (PATH.matcher(trimmed).matches()) {
      return Optional.of(ExprProblem.of(offset,
          "bad placeholder " + shown(group) + ": spaces are not allowed inside the braces",
          "did you mean {" + trimmed + "}? " + literally(inner)));
    }
    return Optional.of(ExprProblem.of(offset,
        "bad placeholder " + shown(group) + ": a placeholder is a field name or a dotted path,"
            + " such as {topic} or {state.profile.name}",
        literally(inner)));
  }

  /** The hint to double the braces, with the exact text to write when it is short. */
  private static String literally(String inner) {
    return inner.length() + 4 > MAX_SHOWN || inner.indexOf('\n') >= 0
        ? DOUBLE_THEM
        : "to show the braces literally, write {{" + inner + "}}";
  }

  private static String shown(String group) {
    String oneLine = group.replace("\n", "\\n").replace("\r", "\\r");
    return oneLine.length() > MAX_SHOWN ? oneLine.substring(0, MAX_SHOWN - 3) + "..." : oneLine;
  }

  private static FieldRef fieldRef(String inner, int offset) {
    List<String> segments = Arrays.asList(inner.split("\\.", -1));
    boolean statePrefixed = segments.size() > 1 && segments.get(0).equals("state");
    List<String> path = statePrefixed ? segments.subList(1, segments.size()) : segments;
    return new FieldRef(inner, path, offset, statePrefixed);
  }
}
