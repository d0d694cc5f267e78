package io.configurableagents.runtime.jobs;

import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The records of {@link LogJobStore}: a job as JSON in a {@link RecordLog} line, in segments
 * {@code jobs-<seq>.log}. A later record of the same job wins.
 */
final class JobLog {
  static final String PREFIX = "jobs-";

  private JobLog() {}

  /** Receives the summary of each readable record, in order, and where the record is. */
  @FunctionalInterface
  interface Visitor {
    void record(JobSummary summary, Path segment, long offset, int length);
  }

  static byte[] encode(Job job) {
    try {
      return RecordLog.line(JobJson.toRecordBytes(job));
    } catch (IOException e) {
      throw new IllegalStateException("job " + job.id() + " cannot be written as JSON", e);
    }
  }

  /** Reads the segments' records one at a time (outputs skipped); returns how many were damaged. */
  static int read(List<Path> segments, Visitor visitor) throws IOException {
    int[] damaged = {0};
    for (Path segment : segments) {
      RecordLog.read(segment, (offset, length, payload) -> {
        JobSummary summary = payload == null ? null : summaryOrNull(payload);
        if (summary == null) {
          damaged[0]++;
        } else {
          visitor.record(summary, segment, offset, length);
        }
      });
    }
    return damaged[0];
  }

  /** The whole job of a record's payload. */
  static Job decode(byte[] payload) throws IOException {
    try {
      return JobJson.fromRecord(JobJson.MAPPER.readTree(payload));
    } catch (RuntimeException e) {
      throw new IOException("a job record cannot be read: " + e.getMessage(), e);
    }
  }

  private static JobSummary summaryOrNull(byte[] payload) {
    try {
      return JobJson.summaryFromRecord(payload);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
