package io.configurableagents.runtime.trace;

import java.util.Locale;

/** Where one span stands. */
public enum SpanStatus {
  RUNNING,
  OK,
  ERROR;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
