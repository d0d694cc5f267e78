package io.configurableagents.runtime.llm;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.EnvironmentVariable;
import java.util.List;
import java.util.stream.Collectors;

/** A run needs API keys the environment does not hold; the message names each and how to set it. */
public final class MissingEnvironmentException extends WorkflowException {
  private static final long serialVersionUID = 1L;
  private final List<String> variables;

  private MissingEnvironmentException(List<String> variables, String message) {
    super(message);
    this.variables = List.copyOf(variables);
  }

  static MissingEnvironmentException of(List<String> variables) {
    return new MissingEnvironmentException(variables, message(String.join(", ", variables), variables));
  }

  /** The exception naming each missing variable, the nodes that need it, and how to set it. */
  public static MissingEnvironmentException forVariables(List<EnvironmentVariable> missing) {
    List<String> names = missing.stream().map(EnvironmentVariable::name).toList();
    String described = missing.stream().map(EnvironmentVariable::describe).collect(Collectors.joining(", "));
    return new MissingEnvironmentException(names, message(described, names));
  }

  /** The names of the missing variables, in node order. */
  public List<String> variables() {
    return variables;
  }

  private static String message(String described, List<String> names) {
    String example = names.get(0);
    return (names.size() == 1 ? "Environment variable " : "Environment variables ")
        + described
        + (names.size() == 1 ? " is" : " are")
        + " not set. Set "
        + (names.size() == 1 ? "it" : "them")
        + " in the environment of the runtime: with Docker, a line "
        + example
        + "=<your key> in the env file passed to docker run --env-file (or -e "
        + example
        + "=...); otherwise export "
        + example
        + "=<your key> before starting it.";
  }
}
