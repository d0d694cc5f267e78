package io.configurableagents.runtime.jobs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of a job: the {@code GET /status} shape, which the embedded store also writes
 * (with one extra flag on errors so that a reloaded failure keeps its 502/500 distinction).
 */
public final class JobJson {
  /**
   * The mapper of the runtime: integers as {@code Long}, as workflow-core's data model has them.
   * Its buffers come from a shared pool, not Jackson's default per-thread cache: every run is a new
   * virtual thread, which would allocate fresh buffers for each document it reads or writes.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedBoundedPool()).build())
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .build();

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final String PROVIDER_FAILURE = "provider_failure";

  private JobJson() {}

  /** {@code {job_id, status, created_at, started_at, completed_at, execution_time_ms, outputs, error}}. */
  public static ObjectNode toJson(Job job) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("job_id", job.id());
    node.put("status", job.state().label());
    node.put("created_at", job.createdAt().toString());
    node.put("started_at", job.startedAt().map(Instant::toString).orElse(null));
    node.put("completed_at", job.completedAt().map(Instant::toString).orElse(null));
    if (job.executionTimeMs().isPresent()) {
      node.put("execution_time_ms", job.executionTimeMs().getAsLong());
    } else {
      node.putNull("execution_time_ms");
    }
    node.set("outputs", job.state() instanceof JobState.Completed c ? MAPPER.valueToTree(c.outputs()) : null);
    node.set("error", job.state() instanceof JobState.Failed f ? errorJson(f.error()) : null);
    return node;
  }

  /** {@code {type, node, message}}. */
  public static ObjectNode errorJson(JobError error) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", error.type());
    node.put("node", error.node().orElse(null));
    node.put("message", error.message());
    return node;
  }

  /** Writes the record the store keeps: the status shape, plus the provider flag on errors. */
  static byte[] toRecordBytes(Job job) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = MAPPER.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("job_id", job.id());
      g.writeStringField("status", job.state().label());
      g.writeStringField("created_at", job.createdAt().toString());
      g.writeStringField("started_at", job.startedAt().map(Instant::toString).orElse(null));
      g.writeStringField("completed_at", job.completedAt().map(Instant::toString).orElse(null));
      g.writeFieldName("outputs");
      g.writeObject(job.state() instanceof JobState.Completed c ? c.outputs() : null);
      g.writeFieldName("error");
      if (job.state() instanceof JobState.Failed f) {
        g.writeStartObject();
        g.writeStringField("type", f.error().type());
        g.writeStringField("node", f.error().node().orElse(null));
        g.writeStringField("message", f.error().message());
        g.writeBooleanField(PROVIDER_FAILURE, f.error().providerFailure());
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * The summary of a record, read without building its outputs (they are skipped token by token):
   * opening the store holds one record's summary at a time, however large the outputs.
   */
  static JobSummary summaryFromRecord(byte[] payload) throws IOException {
    try (JsonParser p = MAPPER.createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a job record is not a JSON object");
      }
      String id = null;
      String status = null;
      Instant created = null;
      Optional<Instant> started = Optional.empty();
      Optional<Instant> completed = Optional.empty();
      Optional<JobError> error = Optional.empty();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        boolean isNull = value == JsonToken.VALUE_NULL;
        switch (field) {
          case "job_id" -> id = p.getText();
          case "status" -> status = p.getText();
          case "created_at" -> created = Instant.parse(p.getText());
          case "started_at" -> started = isNull ? Optional.empty() : Optional.of(Instant.parse(p.getText()));
          case "completed_at" -> completed = isNull ? Optional.empty() : Optional.of(Instant.parse(p.getText()));
          case "error" -> error = isNull ? Optional.empty() : Optional.of(error((JsonNode) p.readValueAsTree()));
          default -> p.skipChildren();
        }
      }
      if (id == null || status == null || created == null) {
        throw new IOException("a job record lacks job_id, status or created_at");
      }
      return new JobSummary(id, status, created, started, completed, error);
    }
  }

  static Job fromRecord(JsonNode node) {
    return new Job(
        node.required("job_id").asText(),
        state(node),
        Instant.parse(node.required("created_at").asText()),
        instant(node.get("started_at")),
        instant(node.get("completed_at")));
  }

  private static JobState state(JsonNode node) {
    String status = node.required("status").asText();
    return switch (status) {
      case "pending" -> JobState.PENDING;
      case "running" -> JobState.RUNNING;
      case "completed" -> new JobState.Completed(MAPPER.convertValue(node.required("outputs"), MAP));
      case "failed" -> new JobState.Failed(error(node.required("error")));
      case "cancelled" -> JobState.CANCELLED;
      default -> throw new IllegalArgumentException("unknown job status \"" + status + "\"");
    };
  }

  private static JobError error(JsonNode node) {
    JsonNode at = node.get("node");
    return new JobError(
        node.required("type").asText(),
        at == null || at.isNull() ? Optional.empty() : Optional.of(at.asText()),
        node.required("message").asText(),
        node.path(PROVIDER_FAILURE).asBoolean(false));
  }

  private static Optional<Instant> instant(JsonNode node) {
    return node == null || node.isNull() ? Optional.empty() : Optional.of(Instant.parse(node.asText()));
  }
}
