package io.configurableagents.core.expr;

/** The comparison operators of the condition language, with Python's meaning. */
enum CompareOp {
  EQ("=="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  IN("in"),
  NOT_IN("not in");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  /** Whether a three-way comparison result {@code c} satisfies this (ordering or equality) operator. */
  boolean accepts(int c) {
    return switch (this) {
      case EQ -> c == 0;
      case NE -> c != 0;
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      case IN, NOT_IN -> throw new IllegalStateException(symbol + " is not an ordering");
    };
  }
}
