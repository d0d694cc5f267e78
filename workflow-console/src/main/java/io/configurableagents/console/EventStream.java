package io.configurableagents.console;

import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Duration;

/**
 * A server-sent event stream to the page (deploy progress, a container's log). Sends return
 * false once the page has gone (closed the pane, or the tab), so that the producer can stop; a
 * comment every {@link #KEEP_ALIVE} keeps idle streams open and finds out when the page has gone.
 */
final class EventStream implements AutoCloseable {
  static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

  private final SseSink sink;
  private boolean open = true;

  private EventStream(SseSink sink) {
    this.sink = sink;
  }

  static EventStream open(ServerResponse res) {
    return new EventStream(res.sink(SseSink.TYPE));
  }

  /** Sends event {@code name} with {@code data}; false when the page is gone. */
  boolean send(String name, String data) {
    return emit(SseEvent.builder().name(name).data(data).build());
  }

  /** A comment the page ignores; false when the page is gone. */
  boolean keepAlive() {
    return emit(SseEvent.builder().comment("keep-alive").build());
  }

  private boolean emit(SseEvent event) {
    if (!open) {
      return false;
    }
    try {
      sink.emit(event);
      return true;
    } catch (UncheckedIOException | IllegalStateException e) {
      open = false;
      return false;
    }
  }

  @Override
  public void close() {
    if (open) {
      try {
        sink.close();
      } catch (UncheckedIOException | IllegalStateException e) {
        // the page has gone
      }
    }
    open = false;
  }
}
