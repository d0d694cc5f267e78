package io.configurableagents.runtime;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.validate.WorkflowDefinitionException;
import io.configurableagents.core.yaml.WorkflowLoader;
import io.configurableagents.runtime.aot.AotCache;
import io.configurableagents.runtime.aot.AotTraining;
import io.configurableagents.runtime.engine.EngineOptions;
import io.configurableagents.runtime.engine.RunListener;
import io.configurableagents.runtime.engine.WorkflowEngine;
import io.configurableagents.runtime.http.AccessFilter;
import io.configurableagents.runtime.http.ConnectionClose;
import io.configurableagents.runtime.http.DocsHttpService;
import io.configurableagents.runtime.http.ErrorMapping;
import io.configurableagents.runtime.http.HealthHttpService;
import io.configurableagents.runtime.http.InfoHttpService;
import io.configurableagents.runtime.http.JsonDirectHandler;
import io.configurableagents.runtime.http.OpenApiHttpService;
import io.configurableagents.runtime.http.OpenApiTexts;
import io.configurableagents.runtime.http.OpenConnections;
import io.configurableagents.runtime.http.ReadinessCheck;
import io.configurableagents.runtime.http.RunHttpService;
import io.configurableagents.runtime.http.SchemaHttpService;
import io.configurableagents.runtime.http.StatusHttpService;
import io.configurableagents.runtime.jobs.EngineRunner;
import io.configurableagents.runtime.jobs.JobStore;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.tools.Tools;
import io.configurableagents.runtime.llm.LlmClientOptions;
import io.configurableagents.runtime.llm.LlmClients;
import io.configurableagents.runtime.store.FatalFailure;
import io.configurableagents.runtime.trace.Traces;
import io.configurableagents.runtime.trace.Tracing;
import io.configurableagents.runtime.trace.web.TracesHttpService;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.ErrorHandling;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.io.IOException;
import java.time.Clock;
import java.util.OptionalInt;

/**
 * Entry point of the container. Wiring only: configuration from the environment, the workflow
 * through workflow-core, the engine, the job store, and the Helidon server with one
 * {@code HttpService} per resource.
 */
public final class Main {
  /** Exit code when the configuration or the workflow file is invalid. */
  static final int EXIT_INVALID = 2;
  /** The name of the traces page's listener. */
  static final String TRACES_SOCKET = "traces";
  /** The traces page takes no request bodies: a larger one is refused before it is read. */
  static final long TRACES_MAX_BODY_BYTES = 65_536;

  private Main() {}

  public static void main(String[] args) {
    LogConfig.configureRuntime();
    FatalFailure.stopOnUncaughtVmErrors();
    RuntimeConfig config;
    Workflow workflow;
    Tracing tracing;
    Application app;
    try {
      config = RuntimeConfig.fromEnvironment(System.getenv());
      workflow = WorkflowLoader.fromPath(config.workflowFile()).load();
      // the job store first (its errors name DATA_DIR or JOB_STORE_URL; tracing recovers runs a crash left untraced
      // from it), then tracing, then the engine reporting to it
      JobStore jobs = Application.openStore(config);
      tracing = Tracing.start(workflow, config.dataDir().resolve("traces"), System.getenv(), Clock.systemUTC(), jobs);
      app = application(config, workflow, jobs, tracing.recorder());
    } catch (WorkflowDefinitionException e) {
      System.err.println(e.getMessage());
      System.err.println("fix the workflow file (WORKFLOW_FILE) and start again");
      System.exit(EXIT_INVALID);
      return;
    } catch (WorkflowException e) {
      System.err.println(e.getMessage());
      System.exit(EXIT_INVALID);
      return;
    }
    WebServerConfig.Builder builder = WebServer.builder();
    OpenConnections connections = server(builder, config, app);
    traces(builder, config, tracing.traces());
    WebServer server = builder.build().start();
    ListenerWatchdog.watch(connections, app.jobs());
    Runtime.getRuntime().addShutdownHook(new Thread(new GracefulShutdown(config, app, tracing, server), "graceful-shutdown"));
    StartupReport.lines(workflow, config, app, tracing, server).forEach(System.out::println);
    if (AotTraining.requested(System.getenv())) {
      train(server, tracesPort(config, server));
    }
    AotCache.maintainInBackground(Main.class.getName(), System.out::println);
  }

  /** The traces page's port, when it listens. */
  static OptionalInt tracesPort(RuntimeConfig config, WebServer server) {
    return config.tracesPort().isPresent() ? OptionalInt.of(server.port(TRACES_SOCKET)) : OptionalInt.empty();
  }

  /** The AOT cache's training run: the first requests a service answers, then exit (see {@link AotTraining}). */
  private static void train(WebServer server, OptionalInt tracesPort) {
    try {
      AotTraining.exercise(server.port(), tracesPort);
    } catch (IOException | InterruptedException e) {
      System.err.println("AOT training requests failed: " + e);
      System.exit(1);
    }
    System.exit(0);
  }

  /**
   * The engine over the workflow (reporting to the trace recorder), its OpenAPI document (rendered
   * on first request), and the job store.
   */
  private static Application application(RuntimeConfig config, Workflow workflow, JobStore jobs, RunListener listener) {
    LlmClientOptions llm =
        LlmClientOptions.DEFAULT.withMaxAnswerBytes(config.maxProviderAnswerBytes()).withMaxConnections(config.maxProviderConnections());
    WorkflowEngine engine = WorkflowEngine.create(workflow, EngineOptions.DEFAULT,
        LlmClients.create(Environment.system(), llm), Tools.create(Environment.system(), config.dataDir()));
    return Application.start(config, jobs, new EngineRunner(engine, listener), OpenApiTexts.of(workflow, config.access().keys()));
  }

  /**
   * The server: the API listener with its limits (connections, idle time) and observe endpoints;
   * Helidon's own shutdown hook off (ours drains first).
   *
   * @return the API port's connections, as the kernel counts them once the server listens
   */
  static OpenConnections server(WebServerConfig.Builder server, RuntimeConfig config, Application app) {
    ConnectionLimits limits = config.connections();
    OpenConnections connections = new OpenConnections();
    ReadinessCheck readiness = new ReadinessCheck(app.runner(), app.jobs(), connections, limits.maxConnections());
    server
        .port(config.port())
        .backlog(8192)
        .maxTcpConnections(limits.maxConnections())
        .idleConnectionTimeout(limits.idleTimeout())
        .idleConnectionPeriod(limits.idleCheckPeriod())
        // checked by Helidon before it reads a chunk, so that no chunk over the limit is buffered
        .maxPayloadSize(config.maxBodyBytes())
        .directHandlers(JsonDirectHandler.forEveryEvent())
        // Helidon's reason for a malformed request reaches the handler (never a 5xx's: ErrorBodies)
        .errorHandling(ErrorHandling.builder().includeEntity(true).build())
        .shutdownHook(false)
        .addFeature(ObserveFeature.just(HealthObserver.builder().details(true).addCheck(readiness).build()))
        .routing(routing -> routing(routing.addFeature(connections), app));
    return connections;
  }

  /**
   * The traces page and its JSON API on their own listener ({@code TRACES_PORT}; none when 0):
   * nothing of it is reachable through the API port.
   */
  static void traces(WebServerConfig.Builder server, RuntimeConfig config, Traces traces) {
    ConnectionLimits limits = config.connections();
    config.tracesPort().ifPresent(port -> server
        .putSocket(TRACES_SOCKET, socket -> socket
            .port(port)
            .backlog(256)
            .maxTcpConnections(ConnectionLimits.TRACES_MAX_CONNECTIONS)
            .idleConnectionTimeout(limits.idleTimeout())
            .idleConnectionPeriod(limits.idleCheckPeriod())
            .maxPayloadSize(TRACES_MAX_BODY_BYTES))
        .routing(TRACES_SOCKET, routing -> routing
            .addFilter(new ConnectionClose())
            .addFilter(AccessFilter.traces(config.access().keys()))
            .register(new TracesHttpService(traces))));
  }

  static void routing(HttpRouting.Builder routing, Application app) {
    ErrorMapping.register(routing);
    routing.addFilter(new ConnectionClose());
    routing.addFilter(AccessFilter.api(app.settings().access().keys()));
    routing.register(
        new InfoHttpService(app.runner().workflow()),
        new HealthHttpService(Clock.systemUTC()),
        new RunHttpService(app.runner(), app.jobs(), app.settings()),
        new StatusHttpService(app.jobs()),
        new SchemaHttpService(app.runner().workflow()),
        new OpenApiHttpService(app.openApi()),
        new DocsHttpService());
  }
}
