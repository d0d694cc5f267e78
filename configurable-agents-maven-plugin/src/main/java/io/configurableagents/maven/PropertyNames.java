package io.configurableagents.maven;

/** Every {@code -D} property of the plugin, declared once (as jib's {@code PropertyNames}). */
public final class PropertyNames {
  /** The workflow file; default {@code ${project.basedir}/workflow.yaml}. */
  public static final String FILE = "workflow.file";

  /** Warnings fail the build too. */
  public static final String STRICT = "workflow.strict";

  /** Skip every goal of the plugin. */
  public static final String SKIP = "workflow.skip";

  private PropertyNames() {}
}
