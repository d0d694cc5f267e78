package io.configurableagents.core.types;

/**
 * One value that does not fit its type.
 *
 * @param path the field path, {@code "topic"}, {@code "scores[2]"}, {@code "profile.age"}
 * @param message what is wrong, e.g. {@code "expected int, got \"seven\""}; never the whole value
 *     when it is long (values are cut at 60 characters)
 */
public record CoercionProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
