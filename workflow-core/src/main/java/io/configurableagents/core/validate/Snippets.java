package io.configurableagents.core.validate;

/** Quoting user text in diagnostics: short, one line, never a whole prompt. */
public final class Snippets {
  private static final int MAX = 40;

  private Snippets() {}

  /** The text on one line, cut to about 40 characters with an ellipsis. */
  public static String shorten(String text) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 3) + "...";
  }

  /** {@code "text"}, shortened. */
  public static String quoted(String text) {
    return "\"" + shorten(text) + "\"";
  }
}
