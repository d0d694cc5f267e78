package io.configurableagents.runtime.llm;

/**
 * Parses and coerces one raw answer (the engine: {@link JsonAnswers#parseObject} then
 * workflow-core's {@code Coercion}). Must not throw for a bad answer: say {@link Verdict.Invalid}.
 */
@FunctionalInterface
public interface AnswerParser<T> {
  Verdict<T> parse(String rawText);
}
