package io.configurableagents.runtime.engine;

import java.util.Collections;
import io.configurableagents.runtime.llm.ToolCall;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/** How one LLM attempt ended. */
public sealed interface AttemptOutcome {

  /**
   * The answer matched the output schema.
   *
   * @param result the coerced answer: output field name to value (a simple output under its one
   *     field's name)
   */
  record Accepted(Map<String, Object> result) implements AttemptOutcome {
    public Accepted {
      result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
    }
  }

  /**
   * The provider answered, but the answer was malformed or mistyped; the next attempt (if any)
   * carries the clarification note.
   *
   * @param problem what was wrong with the answer
   */
  record Rejected(String problem) implements AttemptOutcome {
    public Rejected {
      Objects.requireNonNull(problem, "problem");
    }
  }

  /**
   * The provider call failed.
   *
   * @param message names the provider, the model, the HTTP status and the provider's own message;
   *     never an API key
   * @param retriable 429, 5xx, timeouts and connection errors are; 400/401/403/404 are not
   */
  record ProviderFailed(String message, OptionalInt httpStatus, boolean retriable) implements AttemptOutcome {
    public ProviderFailed {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(httpStatus, "httpStatus");
    }
  }

  /**
   * The model asked for tool calls instead of answering; they run, and their results go back to it.
   */
  record ToolCalls(List<ToolCall> calls) implements AttemptOutcome {
    public ToolCalls {
      calls = List.copyOf(calls);
    }
  }

  /** The call was abandoned before it answered: the run was cancelled or its deadline passed. */
  record Abandoned(String reason) implements AttemptOutcome {
    public Abandoned {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
