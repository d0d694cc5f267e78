package io.configurableagents.deploy;

import io.configurableagents.core.WorkflowException;

/**
 * A deploy that cannot go on. {@link #userMessage()} is ready to show: it says what is wrong and
 * how to fix it (built by {@link HelpfulSuggestions}). {@link #isUserError()} tells a front end
 * whether the user's input is wrong (a setting, a missing file they named) or the environment
 * failed (Docker, I/O, a registry), so that Maven can report a failure or an error.
 */
public final class DeployException extends WorkflowException {
  private static final long serialVersionUID = 1L;

  private final boolean userError;

  private DeployException(String message, boolean userError, Throwable cause) {
    super(message, cause);
    this.userError = userError;
  }

  /** The user's input is wrong; the message says which and how to fix it. */
  public static DeployException userError(String message) {
    return new DeployException(message, true, null);
  }

  /** The environment failed (Docker, files, the JDK, Jib). */
  public static DeployException environment(String message) {
    return new DeployException(message, false, null);
  }

  /** The environment failed, with the exception that says how. */
  public static DeployException environment(String message, Throwable cause) {
    return new DeployException(message, false, cause);
  }

  public String userMessage() {
    return getMessage();
  }

  public boolean isUserError() {
    return userError;
  }
}
