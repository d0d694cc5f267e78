package io.configurableagents.deploy;

/**
 * Where the deploy layer reports what it does. Front ends map it to their own log (the mojos to
 * Maven's {@code Log}); the deploy layer never prints by itself.
 */
public interface DeployLog {
  void info(String message);

  void warn(String message);

  void debug(String message);

  /** A log that drops everything, for tests and callers that do not care. */
  DeployLog SILENT =
      new DeployLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
      };
}
