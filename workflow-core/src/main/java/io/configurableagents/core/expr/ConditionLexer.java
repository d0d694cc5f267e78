package io.configurableagents.core.expr;

import io.configurableagents.core.expr.ConditionToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a condition into tokens. Stops at the first character it cannot read, emitting an
 * {@link Kind#ERROR} token that carries the problem, so the parser reports problems in source
 * order and can add context (such as a quoting hint after a comparison operator).
 */
final class ConditionLexer {
  private final String source;
  private final List<ConditionToken> tokens = new ArrayList<>();
  private int pos;

  private ConditionLexer(String source) {
    this.source = source;
  }

  /** The tokens of {@code source}, ending with {@link Kind#END} (after an error token if any). */
  static List<ConditionToken> tokenize(String source) {
    ConditionLexer lexer = new ConditionLexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
        pos++;
      }
      if (pos >= source.length()) {
        tokens.add(ConditionToken.of(Kind.END, pos, pos, ""));
        return;
      }
      ConditionToken token = next();
      tokens.add(token);
      if (token.is(Kind.ERROR)) {
        tokens.add(ConditionToken.of(Kind.END, source.length(), source.length(), ""));
        return;
      }
    }
  }

  private ConditionToken next() {
    char c = source.charAt(pos);
    if (isIdentifierStart(c)) {
      return word();
    }
    if (startsNumber()) {
      return number();
    }
    switch (c) {
      case '\'', '"' -> {
        return string(c);
      }
      case '{' -> {
        return braced();
      }
      default -> {
        return punctuation(c);
      }
    }
  }

  private ConditionToken word() {
    int start = pos;
    skipIdentifier();
    while (pos < source.length() && source.charAt(pos) == '.') {
      if (pos + 1 < source.length() && isIdentifierStart(source.charAt(pos + 1))) {
        pos++;
        skipIdentifier();
      } else {
        String text = source.substring(start, pos + 1);
        pos++;
        return ConditionToken.error(
            start, pos, text, ExprProblem.of(pos, "expected a field name after '" + text + "'"));
      }
    }
    return ConditionToken.of(Kind.WORD, start, pos, source.substring(start, pos));
  }

  private void skipIdentifier() {
    while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
      pos++;
    }
  }

  private boolean startsNumber() {
    int at = pos;
    if (source.charAt(at) == '+' || source.charAt(at) == '-') {
      at++;
    }
    return isDigitAt(at) || (charAt(at) == '.' && isDigitAt(at + 1));
  }

  private ConditionToken number() {
    int start = pos;
    pos++;
    while (pos < source.length()) {
      char c = source.charAt(pos);
      boolean exponentSign =
          (c == '+' || c == '-') && (charAt(pos - 1) == 'e' || charAt(pos - 1) == 'E')
              && isDigitAt(pos + 1);
      if (!isIdentifierPart(c) && c != '.' && !exponentSign) {
        break;
      }
      pos++;
    }
    String text = source.substring(start, pos);
    return PythonNumbers.parse(text)
        .map(value -> new ConditionToken(Kind.NUMBER, start, pos, text, value))
        .orElseGet(() -> ConditionToken.error(start, pos, text, ExprProblem.of(start, malformed(text))));
  }

  private static String malformed(String text) {
    return text.length() > PythonNumbers.MAX_LENGTH
        ? "number longer than " + PythonNumbers.MAX_LENGTH + " characters"
        : "malformed number '" + text + "'";
  }

  private ConditionToken string(char quote) {
    int start = pos;
    int close = source.indexOf(quote, start + 1);
    if (close < 0) {
      pos = source.length();
      return ConditionToken.error(
          start,
          pos,
          source.substring(start),
          ExprProblem.of(
              start,
              "unterminated string: no closing " + quote,
              "perhaps you should add the closing " + quote));
    }
    pos = close + 1;
    return new ConditionToken(
        Kind.STRING, start, pos, source.substring(start, pos), source.substring(start + 1, close));
  }

  private ConditionToken braced() {
    int start = pos;
    pos++;
    skipSpaces();
    if (pos >= source.length() || !isIdentifierStart(source.charAt(pos))) {
      return ConditionToken.error(
          start,
          pos,
          "{",
          ExprProblem.of(
              pos,
              "expected a field path after '{'",
              "perhaps you should write a field path such as {state.score}"));
    }
    ConditionToken path = word();
    if (path.is(Kind.ERROR)) {
      return path;
    }
    skipSpaces();
    if (charAt(pos) != '}') {
      return ConditionToken.error(
          start,
          pos,
          source.substring(start, pos),
          ExprProblem.of(
              pos,
              "missing '}' after '{" + path.text() + "'",
              "perhaps you should close it: {" + path.text() + "}"));
    }
    pos++;
    return new ConditionToken(Kind.BRACED, start, pos, path.text(), path.text());
  }

  private ConditionToken punctuation(char c) {
    int start = pos;
    return switch (c) {
      case '(' -> single(Kind.LPAREN);
      case ')' -> single(Kind.RPAREN);
      case '[' -> single(Kind.LBRACKET);
      case ']' -> single(Kind.RBRACKET);
      case ',' -> single(Kind.COMMA);
      case '=' -> equalsSign();
      case '!' -> charAt(start + 1) == '=' ? pair(Kind.NE) : mistake(1, "did you mean 'not'?");
      case '<' -> lessThan();
      case '>' -> charAt(start + 1) == '=' ? pair(Kind.GE) : single(Kind.GT);
      case '&' -> mistake(charAt(start + 1) == '&' ? 2 : 1, "did you mean 'and'?");
      case '|' -> mistake(charAt(start + 1) == '|' ? 2 : 1, "did you mean 'or'?");
      default -> unexpectedCharacter();
    };
  }

  private ConditionToken equalsSign() {
    return switch (charAt(pos + 1)) {
      case '=' -> pair(Kind.EQ);
      case '>' -> mistake(2, "did you mean '>='?");
      case '<' -> mistake(2, "did you mean '<='?");
      default -> mistake(1, "did you mean '=='?");
    };
  }

  private ConditionToken lessThan() {
    return switch (charAt(pos + 1)) {
      case '=' -> pair(Kind.LE);
      case '>' -> mistake(2, "did you mean '!='?");
      default -> single(Kind.LT);
    };
  }

  private ConditionToken single(Kind kind) {
    pos++;
    return ConditionToken.of(kind, pos - 1, pos, source.substring(pos - 1, pos));
  }

  private ConditionToken pair(Kind kind) {
    pos += 2;
    return ConditionToken.of(kind, pos - 2, pos, source.substring(pos - 2, pos));
  }

  private ConditionToken mistake(int length, String hint) {
    int start = pos;
    pos += length;
    String text = source.substring(start, pos);
    return ConditionToken.error(start, pos, text, ExprProblem.of(start, "unexpected '" + text + "'", hint));
  }

  private ConditionToken unexpectedCharacter() {
    int start = pos;
    int codePoint = source.codePointAt(start);
    pos += Character.charCount(codePoint);
    String shown =
        Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || !Character.isDefined(codePoint)
            ? String.format("U+%04X", codePoint)
            : "'" + Character.toString(codePoint) + "'";
    return ConditionToken.error(
        start, pos, source.substring(start, pos), ExprProblem.of(start, "unexpected character " + shown));
  }

  private void skipSpaces() {
    while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
      pos++;
    }
  }

  private char charAt(int at) {
    return at >= 0 && at < source.length() ? source.charAt(at) : '\0';
  }

  private boolean isDigitAt(int at) {
    char c = charAt(at);
    return c >= '0' && c <= '9';
  }

  static boolean isIdentifierStart(char c) {
    return c == '_' || Character.isLetter(c);
  }

  private static boolean isIdentifierPart(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}
