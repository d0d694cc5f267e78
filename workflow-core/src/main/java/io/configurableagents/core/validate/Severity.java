package io.configurableagents.core.validate;

/** How bad a diagnostic is. Strict mode treats warnings as errors. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** As printed: {@code error} or {@code warning}. */
  public String label() {
    return label;
  }
}
