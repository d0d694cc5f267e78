package io.configurableagents.console;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.ValidationReport;
import io.configurableagents.deploy.Banner;
import io.configurableagents.deploy.ConsoleSettings;
import io.configurableagents.deploy.DeployException;
import io.configurableagents.deploy.DeployRequest;
import io.configurableagents.deploy.Deployer;
import io.configurableagents.deploy.DockerCli;
import io.configurableagents.deploy.HelpfulSuggestions;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * The Deploy section: {@code POST /api/deploys} checks the workflow and the form, then runs the
 * same deploy as {@code workflow:deploy} ({@link Deployer}) in the background and answers 202
 * with its id; {@code GET /api/deploys/{id}/events} streams its lines, then the endpoints (or
 * the failure) as server-sent events.
 */
final class DeployHttpService implements HttpService {
  private static final System.Logger LOG = System.getLogger(DeployHttpService.class.getName());

  private final ConsoleSettings settings;
  private final DockerCli docker;
  private final HelpfulSuggestions suggestions;
  private final SessionEnv env;
  private final Path privateDirectory;
  private final Deploys deploys;

  DeployHttpService(ConsoleSettings settings, DockerCli docker, HelpfulSuggestions suggestions, SessionEnv env,
      Path privateDirectory, Deploys deploys) {
    this.settings = settings;
    this.docker = docker;
    this.suggestions = suggestions;
    this.env = env;
    this.privateDirectory = privateDirectory;
    this.deploys = deploys;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .post("/", this::start)
        .get("/{id}/events", this::events);
  }

  private void start(ServerRequest req, ServerResponse res) {
    JsonBody body = JsonBody.read(req, WorkflowText.MAX_REQUEST_BYTES, WorkflowText.LIMIT);
    WorkflowText text = WorkflowText.from(body.object("workflow"));
    DeployForm form = DeployForm.from(body);
    ValidationReport report = text.validate();
    if (report.hasErrors()) {
      int errors = report.errors().size();
      throw ConsoleProblem.invalidWorkflow("The workflow has " + errors + (errors == 1 ? " error" : " errors")
          + "; fix " + (errors == 1 ? "it" : "them") + " in the Workflow section, then deploy", WorkflowText.json(report));
    }
    Workflow workflow = report.workflow().orElseThrow();
    Path directory = directoryFor(text);
    DeployRequest request;
    try {
      request = form.request(workflow, directory.resolve(text.fileName()), settings, suggestions);
    } catch (DeployException e) {
      delete(directory);
      throw e;
    }
    DeployRun run;
    try {
      run = deploys.start(request.containerName(), r -> deploy(request, directory, r));
    } catch (ConsoleProblem e) {
      delete(directory);
      throw e;
    }
    Json.send(res, Status.ACCEPTED_202, Json.object().put("id", run.id()).put("container", request.containerName())
        .put("events", "/api/deploys/" + run.id() + "/events"));
  }

  /** A directory of its own holding the workflow, byte for byte as typed, for the image. */
  private Path directoryFor(WorkflowText text) {
    try {
      Path directory = Files.createDirectory(privateDirectory.resolve("deploy-" + UUID.randomUUID()));
      Files.writeString(directory.resolve(text.fileName()), text.text());
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the workflow for the image", e);
    }
  }

  /**
   * Runs on the deploy's own thread; the env file exists only until the container has started
   * (removed before the wait for health, or when the deploy fails before).
   */
  private void deploy(DeployRequest request, Path directory, DeployRun run) {
    try (SessionEnv.EnvFile envFile = env.writeFile(directory)) {
      Deployer.Deployment deployment = new Deployer(docker, suggestions, run)
          .deploy(request.toBuilder().envFile(envFile.choice()).build(), envFile::close);
      run.succeed(result(request, deployment));
    } catch (DeployException e) {
      run.fail(e.userMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "the deploy of " + request.containerName() + " failed unexpectedly", e);
      run.fail("The deploy failed unexpectedly (" + e.getClass().getSimpleName() + "); the console's output has the"
          + " details");
    } finally {
      delete(directory);
    }
  }

  private ObjectNode result(DeployRequest request, Deployer.Deployment deployment) {
    URI api = docker.publishedPortUri(request.bind(), request.port());
    ObjectNode result = Json.object()
        .put("container", request.containerName())
        .put("workflow", request.workflow().name() + " " + request.workflow().versionOrDefault())
        .put("healthyAfterMillis", deployment.timeToHealthy().toMillis())
        .put("api", api.toString())
        .put("docs", api + "/docs")
        .put("curl", String.join("\n", Banner.tryIt(api.toString(), request.workflow())));
    if (request.tracesEnabled()) {
      result.put("traces", docker.publishedPortUri(request.tracesBind(), request.tracesPort()) + "/");
    }
    return result;
  }

  private void events(ServerRequest req, ServerResponse res) {
    String id = req.path().pathParameters().get("id");
    DeployRun run = deploys.find(id).orElseThrow(() -> ConsoleProblem.notFound("no_such_deploy",
        "This console ran no deploy " + id + " (or forgot it); start one from the Deploy section"));
    try (EventStream stream = EventStream.open(res)) {
      int next = 0;
      while (true) {
        Optional<DeployRun.Event> event = run.await(next, EventStream.KEEP_ALIVE);
        if (event.isPresent()) {
          if (!stream.send(event.get().name(), event.get().data()) || event.get().last()) {
            return;
          }
          next++;
        } else if (run.finished() || !stream.keepAlive()) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void delete(Path directory) {
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // the console's private directory is removed when it stops
    }
  }
}
