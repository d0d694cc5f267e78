package io.configurableagents.core.expr;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python {@code str()} forms of JSON-model values, as the reference shows them to the LLM
 * (docs/workflow-format.md, "Prompts and placeholders"): {@code None}, {@code True}, {@code 0.5}, {@code 3.0},
 * {@code ['a', 'b']}, {@code {'a': 1}}; strings inside containers use Python's {@code repr}
 * quoting.
 *
 * <p>Floats follow Python's {@code repr} ({@link PyFloat}): {@code 1e-05}, {@code 1e+16},
 * {@code 0.30000000000000004}. Maps always render as dicts; the reference renders a nested object field as a
 * Pydantic model ({@code name='A' age=3}), which we do not imitate on purpose.
 */
public final class PyRepr {
  private PyRepr() {}

  /** {@code str(value)}: a top-level string is itself, unquoted. */
  public static String str(Object value) {
    return value instanceof String s ? s : repr(value);
  }

  /** {@code repr(value)}: strings quoted as Python does. */
  public static String repr(Object value) {
    StringBuilder out = new StringBuilder();
    append(out, value);
    return out.toString();
  }

  private static void append(StringBuilder out, Object value) {
    if (value == null) {
      out.append("None");
    } else if (value instanceof Boolean b) {
      out.append(b ? "True" : "False");
    } else if (value instanceof String s) {
      appendString(out, s);
    } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      out.append(PyFloat.repr(value instanceof Float f
          ? Double.parseDouble(f.toString()) : ((Number) value).doubleValue()));
    } else if (value instanceof Number) {
      out.append(value instanceof BigInteger ? value.toString() : Long.toString(((Number) value).longValue()));
    } else if (value instanceof List<?> list) {
      appendAll(out, '[', list.iterator(), ']');
    } else if (value instanceof Map<?, ?> map) {
      appendAll(out, '{', map.entrySet().iterator(), '}');
    } else {
      appendString(out, value.toString());
    }
  }

  private static void appendAll(StringBuilder out, char open, Iterator<?> items, char close) {
    out.append(open);
    while (items.hasNext()) {
      Object item = items.next();
      if (item instanceof Map.Entry<?, ?> entry) {
        append(out, entry.getKey());
        out.append(": ");
        append(out, entry.getValue());
      } else {
        append(out, item);
      }
      if (items.hasNext()) {
        out.append(", ");
      }
    }
    out.append(close);
  }

  /** Python's quote choice: single quotes, unless the text has a ' and no ". */
  private static void appendString(StringBuilder out, String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    out.append(quote);
    s.codePoints().forEach(cp -> appendCodePoint(out, cp, quote));
    out.append(quote);
  }

  private static void appendCodePoint(StringBuilder out, int cp, char quote) {
    if (cp == quote || cp == '\\') {
      out.append('\\').append((char) cp);
    } else if (cp == '\t') {
      out.append("\\t");
    } else if (cp == '\n') {
      out.append("\\n");
    } else if (cp == '\r') {
      out.append("\\r");
    } else if (isPrintable(cp)) {
      out.appendCodePoint(cp);
    } else if (cp <= 0xff) {
      out.append(String.format("\\x%02x", cp));
    } else if (cp <= 0xffff) {
      out.append(String.format("\\u%04x", cp));
    } else {
      out.append(String.format("\\U%08x", cp));
    }
  }

  /** Python's {@code str.isprintable()} for one code point. */
  private static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
          Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }
}
