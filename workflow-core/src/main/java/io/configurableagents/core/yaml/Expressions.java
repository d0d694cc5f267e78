package io.configurableagents.core.yaml;

import io.configurableagents.core.expr.Condition;
import io.configurableagents.core.expr.ExprProblem;
import io.configurableagents.core.expr.ExpressionSyntaxException;
import io.configurableagents.core.expr.Template;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.TypeSyntaxException;
import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.Diagnostics;
import io.configurableagents.core.validate.Snippets;
import java.util.Optional;

/**
 * Parses the little languages inside scalars (templates, conditions, type strings) and reports
 * their problems at their own position in the file.
 */
final class Expressions {
  static final String TYPES = "str, int, float, bool, list, dict, object, list[T], dict[K, V]";

  private Expressions() {}

  /** @param what how messages name the value: {@code prompt of node "write"} */
  static Optional<Template> template(YamlNode.Scalar scalar, String what, Diagnostics out) {
    try {
      return Optional.of(Template.parse(scalar.text()));
    } catch (ExpressionSyntaxException e) {
      report(scalar, what, e, out);
      return Optional.empty();
    }
  }

  static Optional<Condition> condition(YamlNode.Scalar scalar, String what, Diagnostics out) {
    try {
      Condition condition = Condition.parse(scalar.text());
      for (ExprProblem warning : condition.warnings()) {
        out.add(at(scalar, what, warning, false));
      }
      return Optional.of(condition);
    } catch (ExpressionSyntaxException e) {
      report(scalar, what, e, out);
      return Optional.empty();
    }
  }

  static Optional<TypeRef> type(YamlNode.Scalar scalar, String what, Diagnostics out) {
    try {
      return Optional.of(TypeRef.parse(scalar.text()));
    } catch (TypeSyntaxException e) {
      String message = e.getMessage().startsWith("invalid type") ? e.getMessage()
          : "invalid type " + Snippets.quoted(scalar.text()) + ": " + e.getMessage();
      if (message.contains("did you mean")) {
        out.error(scalar.span().at(e.offset()), what + ": " + message);
      } else {
        out.error(scalar.span().at(e.offset()), what + ": " + message, "valid types: " + TYPES);
      }
      return Optional.empty();
    }
  }

  private static void report(YamlNode.Scalar scalar, String what, ExpressionSyntaxException e, Diagnostics out) {
    if (e.problems().isEmpty()) {
      out.error(scalar.at(), what + ": " + e.getMessage());
    }
    for (ExprProblem problem : e.problems()) {
      out.add(at(scalar, what, problem, true));
    }
  }

  private static Diagnostic at(YamlNode.Scalar scalar, String what, ExprProblem problem, boolean error) {
    var where = scalar.span().at(problem.offset());
    String message = what + ": " + problem.message();
    return problem.hint()
        .map(h -> error ? Diagnostic.error(where, message, h) : Diagnostic.warning(where, message, h))
        .orElseGet(() -> error ? Diagnostic.error(where, message) : Diagnostic.warning(where, message));
  }
}
