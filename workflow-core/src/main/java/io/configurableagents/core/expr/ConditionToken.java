package io.configurableagents.core.expr;

/**
 * One token of a condition.
 *
 * @param kind what it is
 * @param offset 0-based offset of its first character
 * @param end offset just after its last character
 * @param text the source text (for {@link Kind#BRACED}, the path inside the braces)
 * @param value the literal for {@link Kind#NUMBER} and {@link Kind#STRING}, the {@link ExprProblem}
 *     for {@link Kind#ERROR}, otherwise the text
 */
record ConditionToken(Kind kind, int offset, int end, String text, Object value) {

  enum Kind {
    WORD,
    NUMBER,
    STRING,
    BRACED,
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    ERROR,
    END
  }

  static ConditionToken of(Kind kind, int offset, int end, String text) {
    return new ConditionToken(kind, offset, end, text, text);
  }

  static ConditionToken error(int offset, int end, String text, ExprProblem problem) {
    return new ConditionToken(Kind.ERROR, offset, end, text, problem);
  }

  boolean is(Kind wanted) {
    return kind == wanted;
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  ExprProblem problem() {
    return (ExprProblem) value;
  }

  /** How a message names this token: {@code 'and'}, or "the end of the condition". */
  String describe() {
    return kind == Kind.END ? "the end of the condition" : "'" + text + "'";
  }
}
