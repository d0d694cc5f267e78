package io.configurableagents.runtime.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Sends finished traces over OTLP/HTTP (protobuf) to each {@link ExportTarget}, from one
 * background thread: a run only puts its trace into a bounded queue (a full queue drops the
 * trace and counts it). Batches of up to {@link #MAX_BATCH} traces, one request per target,
 * each with the target's short timeout; a failing target is paused ({@link TargetPauses}) and
 * its batches dropped, never retried into a pile-up.
 */
public final class OtlpExporter implements TraceSink, AutoCloseable {
  static final int QUEUE_CAPACITY = 512;
  static final int MAX_BATCH = 64;
  private static final System.Logger LOG = System.getLogger(OtlpExporter.class.getName());

  private final List<ExportTarget> targets;
  private final OtlpEncoder encoder;
  private final HttpClient http;
  private final BlockingQueue<Trace> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong exported = new AtomicLong();
  private final TargetPauses pauses = new TargetPauses();
  private final MlflowExperiments experiments;
  private final Thread sender;
  private volatile boolean closed;

  OtlpExporter(List<ExportTarget> targets, OtlpEncoder encoder) {
    this.targets = List.copyOf(targets);
    this.encoder = encoder;
    Duration connect = targets.stream().map(ExportTarget::timeout).min(Duration::compareTo).orElse(ExportTargets.DEFAULT_TIMEOUT);
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect).followRedirects(HttpClient.Redirect.NEVER).build();
    this.experiments = new MlflowExperiments(http);
    this.sender = Thread.ofPlatform().daemon().name("traces-export").start(this::sendLoop);
  }

  @Override
  public void finished(Trace trace) {
    if (closed || !queue.offer(trace)) {
      dropped.incrementAndGet();
    }
  }

  /** Traces dropped because the queue was full (the exporters are too slow or unreachable). */
  public long dropped() {
    return dropped.get();
  }

  /** Traces that reached every target. */
  public long exported() {
    return exported.get();
  }

  /** Sends what is queued within {@code grace}, then stops. */
  public void close(Duration grace) {
    closed = true;
    try {
      sender.join(grace.toMillis() + 1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sender.interrupt();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(2));
  }

  private void sendLoop() {
    while (!(closed && queue.isEmpty())) {
      try {
        Trace first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        List<Trace> batch = new ArrayList<>(List.of(first));
        queue.drainTo(batch, MAX_BATCH - 1);
        send(batch);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "traces: export failed: " + e);
      }
    }
  }

  private void send(List<Trace> batch) throws InterruptedException {
    byte[] body = encoder.encode(batch);
    boolean allSent = true;
    for (ExportTarget target : targets) {
      allSent &= sendTo(target, body, batch.size());
    }
    if (allSent) {
      exported.addAndGet(batch.size());
    }
  }

  private boolean sendTo(ExportTarget target, byte[] body, int traces) throws InterruptedException {
    if (pauses.isPaused(target)) {
      return false;
    }
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(target.endpoint())
          .timeout(target.timeout())
          .header("Content-Type", "application/x-protobuf");
      experiments.headers(target).forEach(request::header);
      byte[] payload = target.gzip() ? gzip(body) : body;
      if (target.gzip()) {
        request.header("Content-Encoding", "gzip");
      }
      HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 == 2) {
        pauses.succeeded(target);
        return true;
      }
      pauses.failed(target, traces, "it answered HTTP " + response.statusCode());
    } catch (IOException e) {
      pauses.failed(target, traces, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }
    return false;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 16);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    }
    return out.toByteArray();
  }
}
