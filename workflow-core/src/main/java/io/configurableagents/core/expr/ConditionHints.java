package io.configurableagents.core.expr;

import io.configurableagents.core.expr.ConditionToken.Kind;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "did you mean" and "perhaps you should" hints of condition syntax errors. */
final class ConditionHints {
  /** Where the reference's split ended an unquoted value; linear (no backtracking over spaces). */
  private static final Pattern PART_END = Pattern.compile("\\s(?:and|or)\\s");

  private ConditionHints() {}

  /** For a token that cannot follow a complete expression ({@code previous} is the token before it). */
  static Optional<String> afterExpression(ConditionToken token, ConditionToken previous) {
    if (token.is(Kind.RPAREN)) {
      return Optional.of("perhaps you should remove it or add a matching '('");
    }
    if (previous.is(Kind.STRING) && previous.text().endsWith("\\" + previous.text().charAt(0))) {
      char quote = previous.text().charAt(0);
      return Optional.of("strings have no escapes; perhaps you should write text containing "
          + quote + " between " + (quote == '\'' ? "\"" : "'") + " quotes");
    }
    if (token.is(Kind.LBRACKET)) {
      return Optional.of("indexing is not supported; perhaps you should test membership with 'in'");
    }
    if (!token.is(Kind.WORD)) {
      return Optional.empty();
    } else if (token.text().equals("not")) {
      return Optional.of("did you mean 'not in'? To negate a comparison, put 'not' in front of it");
    } else if (token.text().equals("is")) {
      return Optional.of("did you mean '=='? (and '!=' for 'is not')");
    }
    String lower = token.text().toLowerCase(Locale.ROOT);
    return ConditionParser.OPERATOR_WORDS.contains(lower)
        ? Optional.of("did you mean '" + lower + "'?")
        : Optional.empty();
  }

  /**
   * "perhaps you should quote the text: 'hello world'", for the text from {@code start} to the next
   * {@code and}/{@code or} (where the reference's unquoted value ended).
   */
  static Optional<String> quoteText(String source, int start) {
    String rest = source.substring(start);
    Matcher partEnd = PART_END.matcher(rest);
    String text = (partEnd.find() ? rest.substring(0, partEnd.start()) : rest).strip();
    if (text.contains("'") && text.contains("\"") || text.chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    String quote = text.contains("'") ? "\"" : "'";
    return Optional.of("perhaps you should quote the text: " + quote + text + quote);
  }

  /** {@code problem} with {@code hint} added, unless it has one already. */
  static ExprProblem withHint(ExprProblem problem, Optional<String> hint) {
    return hint.isEmpty() || problem.hint().isPresent()
        ? problem
        : new ExprProblem(problem.offset(), problem.message(), hint);
  }
}
