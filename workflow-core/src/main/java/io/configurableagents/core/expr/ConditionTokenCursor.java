package io.configurableagents.core.expr;

import io.configurableagents.core.expr.ConditionToken.Kind;
import java.util.List;

/** A position in a condition's tokens; never moves past {@link Kind#END}. */
final class ConditionTokenCursor {
  private final List<ConditionToken> tokens;
  private int index;

  ConditionTokenCursor(List<ConditionToken> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  ConditionToken peek() {
    return tokens.get(index);
  }

  /** The token after the current one (the current one if it is the end). */
  ConditionToken peekNext() {
    return tokens.get(Math.min(index + 1, tokens.size() - 1));
  }

  /** The last token consumed (the first token before anything is consumed). */
  ConditionToken previous() {
    return tokens.get(Math.max(0, index - 1));
  }

  ConditionToken advance() {
    ConditionToken token = tokens.get(index);
    if (!token.is(Kind.END)) {
      index++;
    }
    return token;
  }

  /** Consumes the keyword if it is next. */
  boolean take(String keyword) {
    if (!peek().isWord(keyword)) {
      return false;
    }
    advance();
    return true;
  }

  int firstOffset() {
    return tokens.get(0).offset();
  }
}
