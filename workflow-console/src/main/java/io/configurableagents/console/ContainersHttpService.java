package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.deploy.ContainerLifecycle;
import io.configurableagents.deploy.ContainerNames;
import io.configurableagents.deploy.ContainerStatus;
import io.configurableagents.deploy.DeployRequest;
import io.configurableagents.deploy.DockerCli;
import io.configurableagents.deploy.Health;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.configurableagents.deploy.LogFollower;
import io.configurableagents.deploy.StatusText;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The Containers section, over workflow-deploy's {@link ContainerLifecycle} as the status, stop,
 * start, undeploy and logs goals use it: {@code GET /api/containers} (the status table),
 * {@code POST /api/containers/{name}/stop|start|remove}, and {@code GET
 * /api/containers/{name}/logs} (the log, then every new line, as server-sent events).
 */
final class ContainersHttpService implements HttpService {
  /** Log panes open at once; each is a {@code docker logs --follow} process. */
  static final int MAX_LOG_STREAMS = 8;
  private static final int MAX_QUEUED_LINES = 10_000;

  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;
  private final PrintStream terminal;
  private final Semaphore logStreams = new Semaphore(MAX_LOG_STREAMS);

  ContainersHttpService(DockerCli docker, HelpfulSuggestions suggestions, PrintStream terminal) {
    this.docker = docker;
    this.suggestions = suggestions;
    this.terminal = terminal;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", this::list)
        .post("/{name}/stop", this::stop)
        .post("/{name}/start", this::start)
        .post("/{name}/remove", this::remove)
        .get("/{name}/logs", this::logs);
  }

  private ContainerLifecycle lifecycle(CollectingLog log) {
    return new ContainerLifecycle(docker, suggestions, log);
  }

  private void list(ServerRequest req, ServerResponse res) {
    ArrayNode containers = Json.array();
    lifecycle(new CollectingLog(terminal)).status().forEach(s -> containers.add(json(s)));
    ObjectNode body = Json.object();
    body.set("containers", containers);
    Json.ok(res, body);
  }

  private void stop(ServerRequest req, ServerResponse res) {
    String name = name(req);
    CollectingLog log = new CollectingLog(terminal);
    ContainerStatus stopped = lifecycle(log).stop(name);
    answer(res, log, stopped);
  }

  private void start(ServerRequest req, ServerResponse res) {
    String name = name(req);
    CollectingLog log = new CollectingLog(terminal);
    ContainerStatus started = lifecycle(log).start(name, DeployRequest.DEFAULT_READY_TIMEOUT);
    answer(res, log, started);
  }

  private void remove(ServerRequest req, ServerResponse res) {
    String name = name(req);
    boolean removeData = JsonBody.readOptional(req, 4096, "{\"removeData\": true|false}").bool("removeData", false);
    CollectingLog log = new CollectingLog(terminal);
    ContainerLifecycle.Undeployed removed = lifecycle(log).undeploy(name, removeData);
    ObjectNode body = Json.object().put("removed", removed.container());
    removed.dataVolume().ifPresent(v -> body.put("dataVolume", v));
    body.set("messages", log.messages());
    Json.ok(res, body);
  }

  private static void answer(ServerResponse res, CollectingLog log, ContainerStatus status) {
    ObjectNode body = Json.object();
    body.set("container", json(status));
    body.set("messages", log.messages());
    Json.ok(res, body);
  }

  /** The log's last lines (200, or {@code ?tail=N}), then each new line, until the page closes the pane. */
  private void logs(ServerRequest req, ServerResponse res) {
    String name = name(req);
    int tail = tail(req);
    if (!logStreams.tryAcquire()) {
      throw ConsoleProblem.tooMany(MAX_LOG_STREAMS + " log panes are open already; close one, then open this one");
    }
    try {
      BlockingQueue<String> lines = new LinkedBlockingQueue<>(MAX_QUEUED_LINES);
      try (LogFollower follower = lifecycle(new CollectingLog(terminal)).logs(name, OptionalInt.of(tail), true, lines::offer);
          EventStream stream = EventStream.open(res)) {
        stream(follower, lines, stream);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      logStreams.release();
    }
  }

  private static void stream(LogFollower follower, BlockingQueue<String> lines, EventStream stream)
      throws InterruptedException {
    while (true) {
      String line = lines.poll(EventStream.KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
      if (line != null) {
        if (!stream.send("line", line)) {
          return;
        }
      } else if (follower.await(Duration.ofMillis(1)) && lines.isEmpty()) {
        stream.send("end", "the container stopped; its log ends here");
        return;
      } else if (lines.isEmpty() && !stream.keepAlive()) {
        return;
      }
    }
  }

  private static int tail(ServerRequest req) {
    String text = req.query().first("tail").asOptional().orElse("200");
    try {
      int tail = Integer.parseInt(text.strip());
      if (tail >= 0 && tail <= 10_000) {
        return tail;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ConsoleProblem.badRequest("invalid_tail", "tail must be a whole number of lines from 0 to 10000");
  }

  /** The container named in the path, when it is a name Docker could have given (never an option such as --help). */
  private static String name(ServerRequest req) {
    String name = req.path().pathParameters().get("name");
    if (!ContainerNames.isValidContainerName(name)) {
      throw ConsoleProblem.badRequest("invalid_name", "The path names no container Docker could have made: Docker"
          + " names start with a letter or digit and hold only letters, digits, '_', '.' and '-'; pick one from the table");
    }
    return name;
  }

  /** One row of the table, as workflow:status shows it. */
  static ObjectNode json(ContainerStatus s) {
    ObjectNode row = Json.object()
        .put("name", s.name())
        .put("id", s.shortId())
        .put("image", s.image())
        .put("state", s.describeState())
        .put("running", s.running())
        .put("health", StatusText.shortHealth(s.health()))
        .put("healthDetail", StatusText.health(s.health()))
        .put("ready", s.health().state() == Health.State.READY)
        .put("network", s.network())
        .put("dataVolume", s.dataVolume());
    s.workflowName().ifPresent(w -> row.put("workflow", w + s.workflowVersion().map(v -> " " + v).orElse("")));
    s.uptime().ifPresent(u -> row.put("uptime", StatusText.duration(u)));
    ArrayNode ports = row.putArray("ports");
    s.hostPorts().forEach(ports::add);
    s.api().ifPresent(api -> row.put("api", api.toString()).put("docs", api + "/docs"));
    s.traces().ifPresent(t -> row.put("traces", t + "/"));
    return row;
  }
}
