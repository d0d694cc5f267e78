package io.configurableagents.runtime.trace;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A trace as a record of the trace store: the JSON of {@code GET /api/runs/{job_id}}, summary
 * first, in a {@link RecordLog} line. Also reads the one-file-per-run layout of earlier versions
 * ({@code <job>.json}), which the store imports.
 */
final class TraceRecords {
  static final String PREFIX = "traces-";
  private static final String LEGACY_SUFFIX = ".json";

  private TraceRecords() {}

  static byte[] line(Trace trace) {
    try {
      return RecordLog.line(TraceJson.bytes(trace));
    } catch (IOException e) {
      throw new UncheckedIOException("the trace of job " + trace.jobId() + " cannot be written as JSON", e);
    }
  }

  static Trace trace(byte[] payload) throws IOException {
    return TraceParser.trace(TraceJson.MAPPER.readTree(payload));
  }

  /** Only the summary, which comes first: opening the store stays fast with large traces. */
  static TraceSummary summary(byte[] payload) throws IOException {
    try (JsonParser p = TraceJson.MAPPER.createParser(payload)) {
      if (p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME && "summary".equals(p.currentName())) {
        p.nextToken();
        return TraceParser.summary(p.readValueAsTree());
      }
    }
    throw new IOException("no summary at the start of the record");
  }

  /** Trace files of the one-file-per-run layout, and their temporary files. */
  static List<Path> legacyFiles(Path dir) throws IOException {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(LEGACY_SUFFIX) || f.getFileName().toString().endsWith(LEGACY_SUFFIX + ".tmp"))
          .sorted()
          .toList();
    }
  }

  static boolean isTemporary(Path legacyFile) {
    return !legacyFile.getFileName().toString().endsWith(LEGACY_SUFFIX);
  }

  static Trace readLegacy(Path file) throws IOException {
    return TraceParser.trace(TraceJson.MAPPER.readTree(file.toFile()));
  }
}
