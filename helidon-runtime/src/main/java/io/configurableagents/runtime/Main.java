package io.configurableagents.runtime;

import io.configurableagents.core.WorkflowException;
import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.schema.OpenApiDocument;
import io.configurableagents.core.validate.WorkflowDefinitionException;
import io.configurableagents.core.yaml.WorkflowLoader;
import io.configurableagents.runtime.engine.EngineOptions;
import io.configurableagents.runtime.engine.RunListener;
import io.configurableagents.runtime.engine.WorkflowEngine;
import io.configurableagents.runtime.http.DocsHttpService;
import io.configurableagents.runtime.http.ErrorMapping;
import io.configurableagents.runtime.http.HealthHttpService;
import io.configurableagents.runtime.http.InfoHttpService;
import io.configurableagents.runtime.http.OpenApiHttpService;
import io.configurableagents.runtime.http.ReadinessCheck;
import io.configurableagents.runtime.http.RunHttpService;
import io.configurableagents.runtime.http.SchemaHttpService;
import io.configurableagents.runtime.http.StatusHttpService;
import io.configurableagents.runtime.jobs.EngineRunner;
import io.configurableagents.runtime.jobs.LogJobStore;
import io.configurableagents.runtime.llm.Environment;
import io.configurableagents.runtime.llm.LlmClientOptions;
import io.configurableagents.runtime.llm.LlmClients;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import java.time.Clock;
import java.util.List;

/**
 * Entry point of the container. Wiring only: configuration from the environment, the workflow
 * through workflow-core, the engine, the job store, and the Helidon server with one
 * {@code HttpService} per resource.
 */
public final class Main {
  /** Exit code when the configuration or the workflow file is invalid. */
  static final int EXIT_INVALID = 2;

  private Main() {}

  public static void main(String[] args) {
    LogConfig.configureRuntime();
    RuntimeConfig config;
    Workflow workflow;
    Application app;
    try {
      config = RuntimeConfig.fromEnvironment(System.getenv());
      workflow = WorkflowLoader.fromPath(config.workflowFile()).load();
      app = application(config, workflow);
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
    server(builder, config, app);
    WebServer server = builder.build().start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(config, app, server), "graceful-shutdown"));
    report(workflow, config, app, server);
  }

  /** The engine over the workflow, its OpenAPI document, and the job store under DATA_DIR. */
  private static Application application(RuntimeConfig config, Workflow workflow) {
    WorkflowEngine engine = WorkflowEngine.create(workflow, EngineOptions.DEFAULT, LlmClients.create(Environment.system(), LlmClientOptions.DEFAULT));
    OpenApiDocument openApi = OpenApiDocument.of(workflow);
    return Application.start(config, new EngineRunner(engine, RunListener.NONE), openApi.json(), openApi.yaml());
  }

  /** The server: the API listener with its limits and observe endpoints; Helidon's own shutdown hook off (ours drains first). */
  static void server(WebServerConfig.Builder server, RuntimeConfig config, Application app) {
    server
        .port(config.port())
        .backlog(8192)
        .shutdownHook(false)
        .addFeature(
            ObserveFeature.just(
                HealthObserver.builder().details(true).addCheck(new ReadinessCheck(app.runner(), app.jobs())).build()))
        .routing(routing -> routing(routing, app));
  }

  static void routing(HttpRouting.Builder routing, Application app) {
    ErrorMapping.register(routing);
    routing.register(
        new InfoHttpService(app.runner().workflow()),
        new HealthHttpService(Clock.systemUTC()),
        new RunHttpService(app.runner(), app.jobs(), app.settings()),
        new StatusHttpService(app.jobs()),
        new SchemaHttpService(app.runner().workflow()),
        new OpenApiHttpService(app.openApiJson(), app.openApiYaml()),
        new DocsHttpService());
  }

  private static void stop(RuntimeConfig config, Application app, WebServer server) {
    System.out.println("shutting down: no new runs; waiting up to " + config.shutdownGrace().toSeconds()
        + " s for " + app.jobs().runsInFlight() + " run(s) in flight");
    app.jobs().shutdown(config.shutdownGrace());
    server.stop();
    app.store().close();
    System.out.println("stopped");
  }

  private static void report(Workflow workflow, RuntimeConfig config, Application app, WebServer server) {
    LogJobStore.Recovery recovery = app.store().recovery();
    System.out.println("configurable-agents runtime: workflow \"" + workflow.name() + "\" " + workflow.versionOrDefault()
        + " on port " + server.port());
    System.out.println("jobs in " + config.dataDir().resolve("jobs") + ": " + recovery.jobs() + " kept, "
        + recovery.interrupted() + " marked interrupted by restart"
        + (recovery.damagedRecords() > 0 ? ", " + recovery.damagedRecords() + " damaged record(s) skipped" : ""));
    List<String> missing = app.runner().missingEnvironment();
    if (!missing.isEmpty()) {
      System.out.println("not ready: missing environment variable(s) " + String.join(", ", missing)
          + "; runs that need them fail until they are set");
    }
  }
}
