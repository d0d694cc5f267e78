package io.configurableagents.core.expr;

import io.configurableagents.core.expr.ConditionExpr.Compare;
import io.configurableagents.core.expr.ConditionExpr.Field;
import io.configurableagents.core.expr.ConditionExpr.ListExpr;
import io.configurableagents.core.expr.ConditionExpr.Literal;
import io.configurableagents.core.expr.ConditionToken.Kind;
import io.configurableagents.core.expr.ConditionWarnings.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive-descent parser of the condition language, Python's grammar restricted to it:
 *
 * <pre>
 * condition  := or END
 * or         := and ('or' and)*
 * and        := not ('and' not)*
 * not        := 'not' not | comparison
 * comparison := operand (op operand)*          op: == != &lt; &lt;= &gt; &gt;= in | not in
 * operand    := path | {path} | literal | bare word | '[' operands ']' | '(' or ')'
 * </pre>
 *
 * A bare word ({@code approved}) is text when it is compared and a field read when it stands alone
 * (the reference's rules). Nesting is capped at {@link #MAX_DEPTH}, so no input overflows the stack.
 */
final class ConditionParser {
  static final int MAX_DEPTH = 50;
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "not", "in", "True", "False", "true", "false", "None", "null");
  static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "in");

  record Result(ConditionExpr root, List<FieldRef> fieldRefs, List<ExprProblem> warnings) {}

  private final String source;
  private final ConditionTokenCursor tokens;
  private final List<FieldRef> refs = new ArrayList<>();
  private final List<ExprProblem> warnings = new ArrayList<>();
  private int depth;
  private boolean constantWarned;
  private Optional<ConditionToken> textOperand = Optional.empty();

  private ConditionParser(String source) {
    this.source = source;
    this.tokens = new ConditionTokenCursor(ConditionLexer.tokenize(source));
  }

  /** Parses a non-blank condition. */
  static Result parse(String source) {
    ConditionParser parser = new ConditionParser(source);
    ConditionExpr root = parser.parseOr();
    if (!parser.peek().is(Kind.END)) {
      throw parser.unexpected(parser.peek());
    }
    if (parser.refs.isEmpty() && !parser.constantWarned) {
      parser.warnings.add(ConditionWarnings.readsNoField(root, parser.tokens.firstOffset()));
    }
    parser.refs.sort(Comparator.comparingInt(FieldRef::offset));
    parser.warnings.sort(Comparator.comparingInt(ExprProblem::offset));
    return new Result(root, parser.refs, parser.warnings);
  }

  private ConditionExpr parseOr() {
    List<ConditionExpr> alternatives = new ArrayList<>();
    List<Span> operands = new ArrayList<>();
    List<String> operators = new ArrayList<>();
    while (true) {
      List<ConditionExpr> conjuncts = new ArrayList<>();
      while (true) {
        int start = peek().offset();
        conjuncts.add(parseNot());
        operands.add(new Span(start, previous().end()));
        if (!tokens.take("and")) {
          break;
        }
        operators.add("and");
      }
      alternatives.add(conjuncts.size() == 1 ? conjuncts.get(0) : new ConditionExpr.And(conjuncts));
      if (!tokens.take("or")) {
        break;
      }
      operators.add("or");
    }
    if (operators.contains("and") && operators.contains("or")) {
      warnings.add(ConditionWarnings.mixedAndOr(source, operands, operators));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new ConditionExpr.Or(alternatives);
  }

  private ConditionExpr parseNot() {
    ConditionToken token = peek();
    if (!token.isWord("not")) {
      return parseComparison();
    }
    advance();
    enter(token);
    ConditionExpr operand = parseNot();
    depth--;
    return new ConditionExpr.Not(operand);
  }

  private ConditionExpr parseComparison() {
    int start = peek().offset();
    Optional<ConditionToken> bare = takeBareWord();
    if (bare.isPresent() && !atComparisonOperator()) {
      return bareField(bare.get());
    }
    ConditionExpr left = bare.isPresent() ? bareLiteral(bare.get()) : parseOperand(false);
    return atComparisonOperator() ? comparisonChain(start, left, bare) : left;
  }

  private ConditionExpr comparisonChain(int start, ConditionExpr first, Optional<ConditionToken> firstBare) {
    List<Compare.Step> steps = new ArrayList<>();
    ConditionExpr left = first;
    int leftStart = start;
    Optional<ConditionToken> leftBare = firstBare;
    while (atComparisonOperator()) {
      CompareOp op = takeComparisonOperator();
      int rightStart = peek().offset();
      Optional<ConditionToken> rightBare = takeBareWord();
      ConditionExpr right = rightBare.isPresent() ? bareLiteral(rightBare.get()) : parseOperand(true);
      textOperand = previous().is(Kind.NUMBER) ? Optional.of(previous()) : rightBare;
      String text = source.substring(leftStart, previous().end());
      if (!left.readsState() && !right.readsState()) {
        constantWarned = true;
        Optional<String> word = leftBare.or(() -> rightBare).map(ConditionToken::text);
        warnings.add(ConditionWarnings.constantComparison(text, leftStart, word));
      }
      steps.add(new Compare.Step(op, right, text));
      left = right;
      leftStart = rightStart;
      leftBare = rightBare;
    }
    return new Compare(first, steps);
  }

  private ConditionExpr parseOperand(boolean comparand) {
    ConditionToken token = advance();
    return switch (token.kind()) {
      case NUMBER, STRING -> new Literal(token.value());
      case BRACED -> field(token.text(), token.offset());
      case LPAREN -> parenthesized(token);
      case LBRACKET -> list(token);
      case WORD -> wordOperand(token);
      case ERROR -> throw fail(comparand ? withQuoteHint(token) : token.problem());
      default -> throw expected("a value", token);
    };
  }

  /** A bad token where a compared value belongs: {@code state.url == http://x} wants quotes. */
  private ExprProblem withQuoteHint(ConditionToken error) {
    return ConditionHints.withHint(error.problem(), ConditionHints.quoteText(source, error.offset()));
  }

  private ConditionExpr wordOperand(ConditionToken token) {
    switch (token.text()) {
      case "True", "true" -> {
        return new Literal(Boolean.TRUE);
      }
      case "False", "false" -> {
        return new Literal(Boolean.FALSE);
      }
      case "None", "null" -> {
        return new Literal(null);
      }
      default -> {
        if (token.text().startsWith("state.")) {
          return field(token.text(), token.offset());
        }
        if (OPERATOR_WORDS.contains(token.text())) {
          throw expected("a value", token);
        }
        throw fail(ExprProblem.of(
            token.offset(),
            "unquoted text " + token.describe() + " in a list",
            "did you mean '" + token.text() + "'?"));
      }
    }
  }

  private ConditionExpr parenthesized(ConditionToken open) {
    enter(open);
    ConditionExpr inner = parseOr();
    ConditionToken close = peek();
    if (close.is(Kind.END)) {
      throw fail(ExprProblem.of(open.offset(), "unclosed '('", "perhaps you should add ')'"));
    }
    if (!close.is(Kind.RPAREN)) {
      throw unexpected(close);
    }
    advance();
    depth--;
    return inner;
  }

  private ConditionExpr list(ConditionToken open) {
    enter(open);
    List<ConditionExpr> elements = new ArrayList<>();
    while (!peek().is(Kind.RBRACKET)) {
      elements.add(parseOperand(false));
      if (peek().is(Kind.COMMA)) {
        advance();
      } else if (peek().is(Kind.END)) {
        throw fail(ExprProblem.of(open.offset(), "unclosed '['", "perhaps you should add ']'"));
      } else if (!peek().is(Kind.RBRACKET)) {
        throw expected("',' or ']' in the list", peek());
      }
    }
    advance();
    depth--;
    return new ListExpr(elements);
  }

  private Optional<ConditionToken> takeBareWord() {
    ConditionToken token = peek();
    boolean bare =
        token.is(Kind.WORD) && !KEYWORDS.contains(token.text()) && !token.text().startsWith("state.");
    return bare ? Optional.of(advance()) : Optional.empty();
  }

  /** A bare word standing alone: a truthiness test of the field it names (docs/conditions.md, "What you can write"). */
  private ConditionExpr bareField(ConditionToken word) {
    String lower = word.text().toLowerCase(Locale.ROOT);
    if (OPERATOR_WORDS.contains(lower)) {
      throw fail(
          ExprProblem.of(word.offset(), "unexpected " + word.describe(), "did you mean '" + lower + "'?"));
    }
    return field(word.text(), word.offset());
  }

  /** A bare word compared with something: text, or a bool for any case of true/false (docs/conditions.md, "What you can write"). */
  private ConditionExpr bareLiteral(ConditionToken word) {
    String text = word.text();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return new Literal(Boolean.valueOf(text.equalsIgnoreCase("true")));
    }
    if (text.equalsIgnoreCase("none") || text.equalsIgnoreCase("null")) {
      warnings.add(ConditionWarnings.nullLookalike(text, word.offset()));
    }
    return new Literal(text);
  }

  private ConditionExpr field(String text, int offset) {
    boolean prefixed = text.startsWith("state.");
    List<String> path = List.of((prefixed ? text.substring("state.".length()) : text).split("\\."));
    FieldRef ref = new FieldRef(text, path, offset, prefixed);
    refs.add(ref);
    return new Field(ref);
  }

  private boolean atComparisonOperator() {
    ConditionToken token = peek();
    return switch (token.kind()) {
      case EQ, NE, LT, LE, GT, GE -> true;
      case WORD -> token.isWord("in") || (token.isWord("not") && tokens.peekNext().isWord("in"));
      default -> false;
    };
  }

  private CompareOp takeComparisonOperator() {
    ConditionToken token = advance();
    return switch (token.kind()) {
      case EQ -> CompareOp.EQ;
      case NE -> CompareOp.NE;
      case LT -> CompareOp.LT;
      case LE -> CompareOp.LE;
      case GT -> CompareOp.GT;
      case GE -> CompareOp.GE;
      default -> token.isWord("not") && advance().isWord("in") ? CompareOp.NOT_IN : CompareOp.IN;
    };
  }

  private ExpressionSyntaxException unexpected(ConditionToken token) {
    boolean continuesText = token.is(Kind.ERROR) || token.is(Kind.NUMBER)
        || (token.is(Kind.WORD) && !token.text().startsWith("state."));
    Optional<String> quote = textOperand.filter(operand -> continuesText && operand == previous())
        .flatMap(operand -> ConditionHints.quoteText(source, operand.offset()));
    if (token.is(Kind.ERROR)) {
      ExprProblem problem = token.problem();
      boolean unterminatedString = token.text().startsWith("'") || token.text().startsWith("\"");
      boolean quoteWins = quote.isPresent() && unterminatedString;
      return fail(quoteWins ? new ExprProblem(problem.offset(), problem.message(), quote)
          : ConditionHints.withHint(problem, quote));
    }
    Optional<String> hint = ConditionHints.afterExpression(token, previous()).or(() -> quote)
        .or(() -> Optional.of("perhaps you should join the parts with 'and' or 'or'"));
    return fail(new ExprProblem(token.offset(), "unexpected " + token.describe(), hint));
  }

  private ExpressionSyntaxException expected(String what, ConditionToken found) {
    return found.is(Kind.ERROR)
        ? fail(found.problem())
        : fail(ExprProblem.of(found.offset(), "expected " + what + ", found " + found.describe()));
  }

  private void enter(ConditionToken token) {
    if (++depth > MAX_DEPTH) {
      throw fail(ExprProblem.of(
          token.offset(),
          "the condition is nested more than " + MAX_DEPTH + " levels deep",
          "perhaps you should remove redundant parentheses or split the condition"));
    }
  }

  private static ExpressionSyntaxException fail(ExprProblem problem) {
    return new ExpressionSyntaxException(List.of(problem));
  }

  private ConditionToken peek() {
    return tokens.peek();
  }

  private ConditionToken previous() {
    return tokens.previous();
  }

  private ConditionToken advance() {
    return tokens.advance();
  }
}
