package io.configurableagents.runtime.jobs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Where a job is: waiting, running, or finished in one of three ways. */
public sealed interface JobState {

  /** The word the API shows: pending, running, completed, failed or cancelled. */
  String label();

  /** The states a job never leaves. */
  sealed interface Terminal extends JobState permits Completed, Failed, Cancelled {}

  /** Accepted, not started yet (waiting for a slot when runs in flight are capped). */
  record Pending() implements JobState {
    @Override
    public String label() {
      return "pending";
    }
  }

  record Running() implements JobState {
    @Override
    public String label() {
      return "running";
    }
  }

  /** The run reached END; {@code outputs} is the final state (JSON data model, insertion ordered). */
  record Completed(Map<String, Object> outputs) implements Terminal {
    public Completed {
      outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    @Override
    public String label() {
      return "completed";
    }
  }

  record Failed(JobError error) implements Terminal {
    public Failed {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String label() {
      return "failed";
    }
  }

  record Cancelled() implements Terminal {
    @Override
    public String label() {
      return "cancelled";
    }
  }

  JobState PENDING = new Pending();
  JobState RUNNING = new Running();
  Terminal CANCELLED = new Cancelled();
}
