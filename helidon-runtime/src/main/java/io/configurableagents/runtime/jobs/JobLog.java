package io.configurableagents.runtime.jobs;

import io.configurableagents.runtime.store.RecordLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of {@link LogJobStore}: a job as JSON in a {@link RecordLog} line, in segments
 * {@code jobs-<seq>.log}. A later record of the same job wins.
 */
final class JobLog {
  static final String PREFIX = "jobs-";

  private JobLog() {}

  /** The records read from segments, in order, and how many damaged ones were skipped. */
  record Replay(List<Job> jobs, int damaged) {}

  static byte[] encode(Job job) {
    try {
      return RecordLog.line(JobJson.toRecordBytes(job));
    } catch (IOException e) {
      throw new IllegalStateException("job " + job.id() + " cannot be written as JSON", e);
    }
  }

  static Replay read(List<Path> segments) throws IOException {
    List<Job> jobs = new ArrayList<>();
    int[] damaged = {0};
    for (Path segment : segments) {
      RecordLog.read(segment, (offset, length, payload) -> {
        Job job = payload == null ? null : decode(payload);
        if (job == null) {
          damaged[0]++;
        } else {
          jobs.add(job);
        }
      });
    }
    return new Replay(jobs, damaged[0]);
  }

  private static Job decode(byte[] payload) {
    try {
      return JobJson.fromRecord(JobJson.MAPPER.readTree(payload));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
