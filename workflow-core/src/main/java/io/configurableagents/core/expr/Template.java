package io.configurableagents.core.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A prompt template or input-mapping value (docs/workflow-format.md, "Prompts and placeholders").
 *
 * <p>Syntax: {@code {name}} or {@code {a.b.c}} is a placeholder (it starts with a letter or
 * {@code _}; segments are separated by {@code .} and hold letters, digits, {@code _} and
 * {@code -}, which a field such as {@code my-field} needs, docs/workflow-format.md, "State"); {@code {state.x}} is the
 * same as {@code {x}}. {@code {{} and {@code }}} are literal braces. Any other brace group with
 * content is a syntax error, with the hint to double the braces. Tolerated as literal text: an
 * empty {@code {}}, a {@code {} with no later {@code }}, a lone {@code }}.
 *
 * <p>Rendering is one left-to-right pass (inserted values are never scanned again). Values render
 * in their Python {@code str()} form ({@link PyRepr}).
 */
public final class Template {
  private final String source;
  private final List<TemplateParser.Part> parts;
  private final List<FieldRef> placeholders;

  private Template(String source, List<TemplateParser.Part> parts) {
    this.source = source;
    this.parts = parts;
    List<FieldRef> refs = new ArrayList<>();
    for (TemplateParser.Part part : parts) {
      if (part instanceof TemplateParser.Slot slot) {
        refs.add(slot.ref());
      }
    }
    this.placeholders = List.copyOf(refs);
  }

  /**
   * Parses a template.
   *
   * @throws ExpressionSyntaxException listing every bad brace group
   */
  public static Template parse(String source) {
    Objects.requireNonNull(source, "source");
    TemplateParser.Parsed parsed = TemplateParser.parse(source);
    if (!parsed.problems().isEmpty()) {
      throw new ExpressionSyntaxException(parsed.problems());
    }
    return new Template(source, parsed.parts());
  }

  public String source() {
    return source;
  }

  /** Every placeholder in order of appearance. */
  public List<FieldRef> placeholders() {
    return placeholders;
  }

  /**
   * Renders the template (docs/workflow-format.md, "Prompts and placeholders"). For each placeholder, with {@code state.} stripped: if its whole
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
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(inputs, "inputs");
    StringBuilder out = new StringBuilder(source.length() + 64);
    for (TemplateParser.Part part : parts) {
      if (part instanceof TemplateParser.Text text) {
        out.append(text.text());
      } else {
        FieldRef ref = ((TemplateParser.Slot) part).ref();
        out.append(PyRepr.str(PlaceholderResolver.resolve(ref, state, inputs)));
      }
    }
    return out.toString();
  }

  /**
   * Renders a node's input mappings (docs/engine.md, "One node", step 1): each value against the state only, in order; the
   * results are strings ({@code {state.nums}} gives the text {@code [1, 2]}).
   *
   * @throws TemplateRenderException naming the input whose value failed, and why
   */
  public static Map<String, String> renderInputs(Map<String, Template> mappings, Map<String, ?> state) {
    Map<String, String> rendered = new LinkedHashMap<>();
    mappings.forEach((name, template) -> {
      try {
        rendered.put(name, template.render(state, Map.of()));
      } catch (TemplateRenderException e) {
        throw new TemplateRenderException(e.variable(), "input \"" + name + "\": " + e.getMessage());
      }
    });
    return Collections.unmodifiableMap(rendered);
  }

  @Override
  public String toString() {
    return source;
  }
}
