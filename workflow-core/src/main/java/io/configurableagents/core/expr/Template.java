package io.configurableagents.core.expr;

import java.util.List;
import java.util.Map;

/**
 * A prompt template or input-mapping value (workflow-format.md B 9, with the A.3 escape).
 *
 * <p>Syntax: {@code {name}} or {@code {a.b.c}} is a placeholder (a name starts with a letter or
 * {@code _} and continues with letters, digits, {@code _} and {@code .}); {@code {state.x}} is the
 * same as {@code {x}}. {@code {{} and {@code }}} are literal braces. Any other brace group with
 * content is a syntax error, with the hint to double the braces. Tolerated as literal text: an
 * empty {@code {}}, a {@code {} with no later {@code }}, a lone {@code }}.
 *
 * <p>Rendering is one left-to-right pass (inserted values are never scanned again). Values render
 * in their Python {@code str()} form ({@link PyRepr}).
 */
public final class Template {
  private final String source;

  private Template(String source) {
    this.source = source;
  }

  /**
   * Parses a template.
   *
   * @throws ExpressionSyntaxException listing every bad brace group
   */
  public static Template parse(String source) {
    throw new UnsupportedOperationException("Template: not implemented yet");
  }

  public String source() {
    return source;
  }

  /** Every placeholder in order of appearance. */
  public List<FieldRef> placeholders() {
    throw new UnsupportedOperationException("Template: not implemented yet");
  }

  /**
   * Renders the template (B 9.3). For each placeholder, with {@code state.} stripped: if its whole
   * dotted text is a key of {@code inputs}, that value is used (inputs shadow state, even for
   * {@code {state.x}}, as in the reference); otherwise the path is walked through {@code state}:
   * each segment reads a key of a map.
   *
   * @param state the values visible to the template: state fields plus hidden values such as
   *     {@code _loop_iteration_<node>}, {@code _parallel_item}, {@code _parallel_index}
   * @param inputs the node's rendered input mappings (empty when rendering an input mapping)
   * @throws TemplateRenderException when a path is missing or walks into a non-map; the message
   *     names the variable, suggests a close name and lists what is available
   */
  public String render(Map<String, ?> state, Map<String, String> inputs) {
    throw new UnsupportedOperationException("Template: not implemented yet");
  }

  @Override
  public String toString() {
    return source;
  }
}
