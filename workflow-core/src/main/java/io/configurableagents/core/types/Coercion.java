package io.configurableagents.core.types;

import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import java.util.Map;
import java.util.Objects;

/**
 * The lax coercion rules of docs/workflow-format.md, "How values are coerced" (Pydantic v2 lax
 * mode), applied to element types too. Used by the runtime for run inputs and for LLM answers.
 *
 * <p>Values are the JSON data model in Java: {@code String}, {@code Long} (every integer),
 * {@code Double}, {@code Boolean}, {@code List<Object>}, {@code Map<String, Object>} (insertion
 * ordered), and {@code null}. Incoming {@code Integer}, {@code BigInteger} within range,
 * {@code BigDecimal} and {@code Float} are normalised to {@code Long}/{@code Double}.
 *
 * <p>The coerced value is always a fresh deep copy: lists and maps in it are new, unmodifiable
 * and never shared with the input or with a field's default.
 *
 * <table>
 *   <caption>What each type accepts</caption>
 *   <tr><th>type</th><th>accepts</th></tr>
 *   <tr><td>str</td><td>strings only</td></tr>
 *   <tr><td>int</td><td>integers within 64 bits, integral floats, booleans (as 1/0), strings such
 *       as {@code "5"}, {@code " 5 "}, {@code "5.0"}, {@code "1_000"}</td></tr>
 *   <tr><td>float</td><td>finite numbers, booleans, numeric strings ({@code "2.5"}, {@code "1e3"})</td></tr>
 *   <tr><td>bool</td><td>booleans, 0/1, 0.0/1.0, the strings t/true/y/yes/on/1 and
 *       f/false/n/no/off/0 in any case</td></tr>
 *   <tr><td>list[T]</td><td>lists, each element coerced to T (null refused)</td></tr>
 *   <tr><td>dict[K, V]</td><td>objects, keys checked against K, values coerced to V (null refused)</td></tr>
 *   <tr><td>object</td><td>objects; with a schema, field by field, unknown keys dropped</td></tr>
 * </table>
 */
public final class Coercion {
  private Coercion() {}

  /**
   * Coerces one value to a type. Null is accepted here (nullability is the field's business).
   *
   * @param path where the value sits, for messages: {@code "topic"}, {@code "scores[2]"},
   *     {@code "profile.age"}
   */
  public static CoercionResult coerce(Object value, TypeRef type, String path) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    Coercer coercer = new Coercer();
    Object coerced = coercer.value(value, type, path);
    return coercer.result(coerced);
  }

  /**
   * Builds the initial state of a run from the caller's inputs: every declared field, in
   * declaration order, coerced; defaults for the absent ones; null for absent optional fields
   * without default. Input keys that name no field are ignored (as the reference does). Problems:
   * a required field absent or null, a value that does not coerce. All problems are reported.
   *
   * <p>Defaults are copied, not checked against the type (as in the reference). An explicit null
   * for an optional field with a default takes the default (the reference refuses it).
   */
  public static CoercionResult coerceState(Map<String, StateField> fields, Map<String, Object> inputs) {
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(inputs, "inputs");
    Coercer coercer = new Coercer();
    Map<String, Object> state = coercer.fields(fields, inputs, "");
    return coercer.result(state);
  }
}
