package io.configurableagents.runtime.http;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiPredicate;
import java.util.stream.Stream;

/**
 * The TCP connections to the API port, counted in the kernel's socket tables ({@code
 * /proc/net/tcp} and {@code tcp6}): those the server holds and those waiting in the listen
 * backlog for a free place under {@code MAX_CONNECTIONS}. A feature of the API routing, so that it
 * learns the port once the server listens. Empty where Linux has no such tables.
 */
public final class OpenConnections implements HttpFeature {
  private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
  private static final String ESTABLISHED = "01";
  private static final String CLOSE_WAIT = "08";
  private static final String LISTEN = "0A";
  private volatile int port;

  @Override
  public void setup(HttpRouting.Builder routing) {
    // nothing to route: only the port is needed
  }

  @Override
  public void afterStart(WebServer server) {
    port = server.port();
  }

  /** How many connections the API port has now; empty before the server listens or without the tables. */
  public OptionalInt count() {
    return rows((row, watched) -> isConnectionTo(row, watched));
  }

  /**
   * Whether the kernel still has a socket listening on the API port; empty before the server
   * listens or without the tables.
   */
  public Optional<Boolean> listening() {
    OptionalInt listeners = rows((row, watched) -> isListenerOn(row, watched));
    return listeners.isPresent() ? Optional.of(listeners.getAsInt() > 0) : Optional.empty();
  }

  private OptionalInt rows(BiPredicate<String, Integer> matches) {
    int watched = port;
    if (watched <= 0) {
      return OptionalInt.empty();
    }
    int count = 0;
    for (Path table : TABLES) {
      try (Stream<String> lines = Files.lines(table)) {
        count += (int) lines.skip(1).filter(line -> matches.test(line, watched)).count();
      } catch (IOException | RuntimeException e) {
        return OptionalInt.empty();
      }
    }
    return OptionalInt.of(count);
  }

  /** A row {@code sl local_address rem_address st ...}, addresses as {@code HEXIP:HEXPORT}. */
  static boolean isConnectionTo(String row, int port) {
    String state = stateOnPort(row, port);
    return state.equals(ESTABLISHED) || state.equals(CLOSE_WAIT);
  }

  static boolean isListenerOn(String row, int port) {
    return stateOnPort(row, port).equals(LISTEN);
  }

  /** The row's TCP state when its local port is {@code port}, else "". */
  private static String stateOnPort(String row, int port) {
    String[] fields = row.trim().split("\\s+");
    if (fields.length < 4) {
      return "";
    }
    String local = fields[1];
    int colon = local.lastIndexOf(':');
    return colon > 0 && Integer.parseInt(local.substring(colon + 1), 16) == port ? fields[3] : "";
  }
}
