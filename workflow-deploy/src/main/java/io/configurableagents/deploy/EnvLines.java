package io.configurableagents.deploy;

import io.configurableagents.core.model.Workflow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The lines of an environment file as {@code docker run --env-file} reads them: the variables
 * they set, and what is wrong with them. Findings name a line number or a variable, never a value:
 * a secret pasted without its {@code NAME=} must not end up in a build log or on a page. The
 * deploy's file check ({@link EnvFileCheck}) and the console both judge env files here.
 */
public final class EnvLines {
  private final List<Variable> variables;
  private final List<Integer> withoutEquals;
  private final List<Integer> spaceInName;
  private final List<Variable> quoted;

  private EnvLines(List<Variable> variables, List<Integer> withoutEquals, List<Integer> spaceInName,
      List<Variable> quoted) {
    this.variables = List.copyOf(variables);
    this.withoutEquals = List.copyOf(withoutEquals);
    this.spaceInName = List.copyOf(spaceInName);
    this.quoted = List.copyOf(quoted);
  }

  /**
   * One {@code NAME=value} line.
   *
   * @param line its 1-based line number
   */
  public record Variable(String name, String value, int line) {
    public Variable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * One problem, ready to show.
   *
   * @param error whether {@code docker run} would refuse the file (else a warning)
   * @param line its 1-based line number; 0 when it is about the file as a whole
   * @param message the fact and the fix, naming the file as the caller called it
   */
  public record Finding(boolean error, int line, String message) {
    public Finding {
      Objects.requireNonNull(message, "message");
    }
  }

  /** Reads the lines; blank lines and {@code #} comments are skipped, as Docker does. */
  public static EnvLines parse(List<String> lines) {
    List<Variable> variables = new ArrayList<>();
    List<Integer> withoutEquals = new ArrayList<>();
    List<Integer> spaceInName = new ArrayList<>();
    List<Variable> quoted = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      int eq = line.indexOf('=');
      String name = eq < 0 ? line : line.substring(0, eq);
      if (name.chars().anyMatch(Character::isWhitespace)) {
        spaceInName.add(number);
      } else if (eq < 0) {
        withoutEquals.add(number);
      } else {
        Variable variable = new Variable(name, line.substring(eq + 1), number);
        variables.add(variable);
        if (isQuoted(variable.value())) {
          quoted.add(variable);
        }
      }
    }
    return new EnvLines(variables, withoutEquals, spaceInName, quoted);
  }

  /** Reads a text of lines ({@code \n} or {@code \r\n}). */
  public static EnvLines parse(String text) {
    return parse(text.lines().toList());
  }

  /** The variables in the order they are set; a name set twice is there twice, as Docker reads it. */
  public List<Variable> variables() {
    return variables;
  }

  /** The value each name ends up with (the last line that sets it). */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    variables.forEach(v -> values.put(v.name(), v.value()));
    return values;
  }

  /**
   * What is wrong, errors first, each naming the file as {@code subject}.
   *
   * @param workflow whose variables the file should set ({@link MissingVariables}); none are
   *     asked for without one
   */
  public List<Finding> findings(String subject, Optional<Workflow> workflow, HelpfulSuggestions suggestions) {
    List<Finding> findings = new ArrayList<>();
    for (int line : spaceInName) {
      findings.add(new Finding(true, line, suggestions.envLineWithSpaceInName(subject, line).userMessage()));
    }
    List<Finding> byLine = new ArrayList<>();
    for (int line : withoutEquals) {
      byLine.add(new Finding(false, line, subject + " line " + line + " has no '=' and may be malformed: docker run"
          + " reads it as the name of a variable to copy from its own environment; write NAME=value"));
    }
    for (Variable v : quoted) {
      byLine.add(new Finding(false, v.line(), subject + " line " + v.line() + ": the value of " + v.name()
          + " is in quotes; docker run keeps the quotes as part of the value, so write it without them"));
    }
    byLine.sort(Comparator.comparingInt(Finding::line));
    findings.addAll(byLine);
    if (variables.isEmpty()) {
      findings.add(new Finding(false, 0, subject + " defines no variables"));
    }
    workflow.ifPresent(w -> MissingVariables.warnings(subject, w, values()).forEach(
        message -> findings.add(new Finding(false, 0, message))));
    return findings;
  }

  private static boolean isQuoted(String value) {
    return value.length() >= 2 && (quotedWith(value, '"') || quotedWith(value, '\''));
  }

  private static boolean quotedWith(String value, char quote) {
    return value.charAt(0) == quote && value.charAt(value.length() - 1) == quote;
  }
}
