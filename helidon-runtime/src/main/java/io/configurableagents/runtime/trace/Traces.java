package io.configurableagents.runtime.trace;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the traces page reads: runs still going (from the recorder) over the stored ones. */
public final class Traces {
  private final TraceRecorder recorder;
  private final TraceStore store;

  public Traces(TraceRecorder recorder, TraceStore store) {
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * One page of runs, newest first.
   *
   * @param total how many runs match the filter
   */
  public record Page(List<TraceSummary> runs, int total, int offset, int limit) {
    public Page {
      runs = List.copyOf(runs);
    }
  }

  public Page page(Optional<RunStatus> status, int offset, int limit) {
    Map<String, TraceSummary> all = new LinkedHashMap<>();
    store.summaries().forEach(s -> all.put(s.jobId(), s));
    recorder.live().forEach(s -> all.put(s.jobId(), s));
    List<TraceSummary> matching = all.values().stream()
        .filter(s -> status.map(wanted -> s.status() == wanted).orElse(true))
        .sorted(Comparator.comparing(TraceSummary::startedAt).reversed().thenComparing(TraceSummary::jobId))
        .toList();
    int from = Math.min(offset, matching.size());
    int to = Math.min(matching.size(), from + limit);
    return new Page(matching.subList(from, to), matching.size(), offset, limit);
  }

  /** The whole trace: live while the run is going, else as stored. */
  public Optional<Trace> find(String jobId) {
    return recorder.live(jobId).or(() -> store.find(jobId));
  }
}
