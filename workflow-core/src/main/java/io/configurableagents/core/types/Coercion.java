package io.configurableagents.core.types;

import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import java.util.Map;

/**
 * The lax coercion rules of workflow-format.md B 4.2 (Pydantic v2 lax mode), applied to element
 * types too (A.3). Used by the runtime for run inputs and for LLM answers.
 *
 * <p>Values are the JSON data model in Java: {@code String}, {@code Long} (every integer),
 * {@code Double}, {@code Boolean}, {@code List<Object>}, {@code Map<String, Object>} (insertion
 * ordered), and {@code null}. Incoming {@code Integer}, {@code BigInteger} within range,
 * {@code BigDecimal} and {@code Float} are normalised to {@code Long}/{@code Double}.
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
    throw new UnsupportedOperationException("Coercion: not implemented yet");
  }

  /**
   * Builds the initial state of a run from the caller's inputs: every declared field, in
   * declaration order, coerced; defaults for the absent ones; null for absent optional fields
   * without default. Input keys that name no field are ignored (as the reference does). Problems:
   * a required field absent or null, a value that does not coerce. All problems are reported.
   */
  public static CoercionResult coerceState(Map<String, StateField> fields, Map<String, Object> inputs) {
    throw new UnsupportedOperationException("Coercion: not implemented yet");
  }
}
