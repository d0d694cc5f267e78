package io.configurableagents.maven;

/** Every {@code -D} property of the plugin, declared once. */
public final class PropertyNames {
  public static final String FILE = "workflow.file";
  public static final String STRICT = "workflow.strict";
  public static final String SKIP = "workflow.skip";

  private PropertyNames() {}
}
