package io.configurableagents.core.schema;

/**
 * What a schema describes; it decides how objects with a nested {@code schema} are written.
 *
 * <table>
 *   <caption>object shapes by purpose</caption>
 *   <tr><th></th><th>{@code required}</th><th>{@code additionalProperties}</th><th>{@code default}</th></tr>
 *   <tr><td>{@link #INPUT}</td><td>required fields</td><td>absent (unknown keys are dropped)</td><td>shown</td></tr>
 *   <tr><td>{@link #ANSWER}</td><td>every field</td><td>{@code false}</td><td>never</td></tr>
 *   <tr><td>{@link #RESULT}</td><td>required fields (top level: every field)</td><td>{@code false}</td><td>never</td></tr>
 * </table>
 *
 * <p>In all three, a field that is optional and has no default is nullable ({@code "type": [T,
 * "null"]}): null is its "not given" value. Required fields and fields with a default are not.
 */
enum SchemaPurpose {
  /** A value a caller sends ({@code POST /run}). */
  INPUT,
  /** What an LLM is asked to answer: strict-mode friendly (every property required, no others). */
  ANSWER,
  /** A value of a run's final state. */
  RESULT;

  boolean requiresEveryField() {
    return this == ANSWER;
  }

  boolean closesObjects() {
    return this != INPUT;
  }

  boolean showsDefaults() {
    return this == INPUT;
  }
}
