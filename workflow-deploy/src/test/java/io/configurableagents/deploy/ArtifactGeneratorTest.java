package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactGeneratorTest {
  private static final String WORKFLOW = "schema_version: \"1.0\"\n# a comment the file keeps\nflow: {name: x}\n";

  @TempDir Path dir;
  private DeployRequest request;
  private Path out;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("workflow.yaml"), WORKFLOW);
    Files.writeString(dir.resolve("runtime.jar"), "runtime");
    Path lib = Files.writeString(dir.resolve("helidon-webserver-4.5.0.jar"), "lib");
    request = TestRequests.request(dir).toBuilder()
        .runtimeJars(new RuntimeJars(dir.resolve("runtime.jar"), List.of(lib))).build();
    out = request.outputDirectory();
  }

  private List<Path> generate(DeployRequest r) {
    return new ArtifactGenerator(new HelpfulSuggestions(), DeployLog.SILENT).generate(r);
  }

  @Test
  void writesEveryFileWithTheWorkflowByteForByte() throws IOException {
    generate(request);

    assertThat(out.resolve("workflow.yaml")).hasContent(WORKFLOW);
    assertThat(out.resolve("runtime.jar")).hasContent("runtime");
    assertThat(out.resolve("libs/helidon-webserver-4.5.0.jar")).hasContent("lib");
    assertThat(out.resolve("data")).isEmptyDirectory();
    assertThat(out.resolve("openapi.yaml")).content().contains("openapi: '3.1.0'", "/run:", "/status/{job_id}:");
    assertThat(out).isDirectoryContaining("glob:**/Dockerfile").isDirectoryContaining("glob:**/docker-compose.yml")
        .isDirectoryContaining("glob:**/.env.example").isDirectoryContaining("glob:**/.dockerignore")
        .isDirectoryContaining("glob:**/README.md");
  }

  @Test
  void envExampleListsExactlyTheVariablesTheProvidersNeed() {
    generate(request);

    assertThat(out.resolve(".env.example")).content()
        .endsWith("\nOPENAI_API_KEY=\n")
        .containsOnlyOnce("=");
  }

  @Test
  void envExampleListsTheKeysThenWhatTheToolsNeedThenTheOptionalOnesCommentedOut() {
    generate(TestRequests.request(dir, TestRequests.withTools("[web_search, sql_query]")).toBuilder()
        .runtimeJars(request.runtimeJars()).build());

    assertThat(out.resolve(".env.example")).hasContent("""
        # Environment of workflow tooled: copy this file to .env and fill in
        # the values. Never commit .env. Write values without quotes (docker run keeps them).

        # the openai provider of node 'a': the API key of the openai provider
        OPENAI_API_KEY=
        # the web_search tool of node 'a': the API key of Serper (serper.dev), the web search service
        SERPER_API_KEY=

        # Without these, a tool of this workflow does nothing useful (its calls fail or are refused):
        # the sql_query tool of node 'a': the JDBC URL of sql_query's database, e.g.
        #   jdbc:postgresql://db:5432/shop?user=reader&password=... or jdbc:sqlite:/app/data/files/shop.db
        SQL_QUERY_URL=

        # Optional (docs/tools.md): remove the '# ' to set one.
        # the web_search tool of node 'a': serper (default) or tavily: the service web_search calls; with
        #   tavily, set TAVILY_API_KEY instead of SERPER_API_KEY
        # WEB_SEARCH_PROVIDER=
        # the web_search tool of node 'a': the API key of Tavily (tavily.com), the other web search service
        # TAVILY_API_KEY=
        # the web_search tool of node 'a': Serper's address, default https://google.serper.dev (another one
        #   for a proxy)
        # SERPER_BASE_URL=
        # the web_search tool of node 'a': Tavily's address, default https://api.tavily.com (another one for
        #   a proxy)
        # TAVILY_BASE_URL=
        # the web_search tool of node 'a': loopback, link-local or private hosts the network tools may reach
        #   anyway, comma-separated host or host:port (none by default: they are refused)
        # ALLOWED_HOSTS=
        """);
  }

  @Test
  void readmeTablesTheVariablesRequiredFirst() {
    generate(TestRequests.request(dir, TestRequests.withTools("[sql_query, serper_search]")).toBuilder()
        .runtimeJars(request.runtimeJars()).build());

    assertThat(out.resolve("README.md")).content().contains("""
        | variable | | what | read by |
        |---|---|---|---|
        | `OPENAI_API_KEY` | required | the API key of the openai provider | the openai provider of node 'a' |
        | `SERPER_API_KEY` | required | the API key of Serper (serper.dev), the web search service | the serper_search tool of node 'a' |
        | `SQL_QUERY_URL` | needed | the JDBC URL of sql_query's database, e.g. \
        jdbc:postgresql://db:5432/shop?user=reader&password=... or jdbc:sqlite:/app/data/files/shop.db \
        | the sql_query tool of node 'a' |
        | `SERPER_BASE_URL` | optional | Serper's address, default https://google.serper.dev (another one for a proxy) \
        | the serper_search tool of node 'a' |
        """);
  }

  @Test
  void theSqliteDriverGoesIntoLibsOnlyForAWorkflowThatListsSqlQueryAndTheLogSaysWhy() throws IOException {
    Path sqlite = Files.writeString(dir.resolve("sqlite-jdbc-3.53.0.0.jar"), "sqlite");
    RuntimeJars everything = new RuntimeJars(dir.resolve("runtime.jar"), List.of(request.runtimeJars().libraries().get(0), sqlite));
    List<String> infos = new java.util.ArrayList<>();
    DeployLog log = new DeployLog() {
      @Override
      public void info(String message) {
        infos.add(message);
      }

      @Override
      public void warn(String message) {}

      @Override
      public void debug(String message) {}
    };

    // the build tool and the console hand over every optional library; the request keeps what the workflow needs
    new ArtifactGenerator(new HelpfulSuggestions(), log).generate(request.toBuilder().runtimeJars(everything).build());
    assertThat(out.resolve("libs/helidon-webserver-4.5.0.jar")).exists();
    assertThat(out.resolve("libs/sqlite-jdbc-3.53.0.0.jar")).doesNotExist();
    assertThat(infos).noneMatch(line -> line.contains("sqlite"));

    new ArtifactGenerator(new HelpfulSuggestions(), log).generate(TestRequests.request(dir, TestRequests.withTools("[sql_query]"))
        .toBuilder().runtimeJars(everything).build());
    assertThat(out.resolve("libs/sqlite-jdbc-3.53.0.0.jar")).hasContent("sqlite");
    assertThat(infos).contains("The image gets org.xerial:sqlite-jdbc (sqlite-jdbc-3.53.0.0.jar), the SQLite driver: node 'a'"
        + " lists sql_query");
  }

  @Test
  void dockerignoreKeepsEveryEnvFileButTheExampleOut() {
    generate(request);

    assertThat(out.resolve(".dockerignore")).content().contains("\n.env\n.env.*\n*.env\n!.env.example\n");
  }

  @Test
  void theDockerfileTakesTheBaseAsABuildArgumentAndRunsAsTheAppUser() {
    generate(request);

    assertThat(out.resolve("Dockerfile")).content()
        .contains("ARG BASE_IMAGE=eclipse-temurin:21-jre\nFROM ${BASE_IMAGE}\n")
        .contains("COPY libs/ /app/libs/\n", "COPY --chown=10001:10001 data/ /app/data/\n",
            "COPY workflow.yaml /app/workflow.yaml\n", "USER 10001:10001\n", "EXPOSE 8000 5000\n",
            "VOLUME /app/data\n", "SYNC_TIMEOUT=30",
            "ENTRYPOINT [\"java\", \"-XX:MaxRAMPercentage=75\", \"-XX:+ExitOnOutOfMemoryError\","
                + " \"-XX:+IgnoreUnrecognizedVMOptions\", \"-XX:AOTCache=" + AotCacheFile.path(request.runtimeJars(),
                ImageLayout.JVM_OPTIONS) + "\", \"-cp\", \"/app/libs/*:/app/runtime.jar\","
                + " \"io.configurableagents.runtime.Main\"]\n",
            "io.configurableagents.workflow.name=\"Ticket Triage!\"");
  }

  @Test
  void theDockerfileChecksHealthWithTheRuntimesProbeWithoutAShell() {
    generate(request);

    assertThat(out.resolve("Dockerfile")).content()
        .contains("HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \\\n"
            + "  CMD [\"java\", \"-XX:+UseSerialGC\", \"-XX:TieredStopAtLevel=1\", \"-XX:-UsePerfData\", \"-Xmx16m\","
            + " \"-cp\", \"/app/runtime.jar\", \"io.configurableagents.runtime.HealthProbe\"]\n");
  }

  @Test
  void composeChecksHealthAsTheDockerfileDoes() {
    generate(request);

    assertThat(out.resolve("docker-compose.yml")).content()
        .contains("    healthcheck:\n"
            + "      test: [\"CMD\", \"java\", \"-XX:+UseSerialGC\", \"-XX:TieredStopAtLevel=1\", \"-XX:-UsePerfData\","
            + " \"-Xmx16m\", \"-cp\", \"/app/runtime.jar\", \"io.configurableagents.runtime.HealthProbe\"]\n"
            + "      interval: 30s\n      timeout: 10s\n      start_period: 60s\n      retries: 3\n");
  }

  @Test
  void composeMapsHostPortsToTheFixedOnesAndNamesTheEnvFileRelativeToItself() {
    generate(request);

    assertThat(out.resolve("docker-compose.yml")).content()
        .contains("    ports:\n      - \"8000:8000\"\n"
            + "      # the traces page shows prompts and answers: published on this machine only (tracesBind)\n"
            + "      - \"127.0.0.1:5000:5000\"\n")
        .contains("    env_file:\n      - \"../../.env\"\n")
        .contains("      - data:/app/data\n")
        .contains("volumes:\n  data:\n    name: \"ticket-triage-data\"\n")
        .contains("    labels:\n      io.configurableagents.deployed-by: \"configurable-agents\"\n")
        .contains("      io.configurableagents.workflow.name: \"Ticket Triage!\"\n")
        .contains("    restart: unless-stopped\n");
  }

  @Test
  void composeWithTracesOffHasNoTracesPortAtAll() {
    generate(TestRequests.withPorts(request, 8080, 0));

    assertThat(out.resolve("docker-compose.yml")).content()
        .contains("    ports:\n      - \"8080:8000\"\n    environment:\n      TRACES_PORT: \"0\"\n")
        .doesNotContain("5000").doesNotContain("\"0:");
  }

  @Test
  void theReadmesDockerRunIsTheOneDeployRuns() {
    generate(request);

    String run = "docker run -d --pull never --name ticket-triage --restart unless-stopped -p 8000:8000"
        + " -p 127.0.0.1:5000:5000 --env-file ../../.env -v ticket-triage-data:/app/data"
        + " --label io.configurableagents.deployed-by=configurable-agents"
        + " --label 'io.configurableagents.workflow.name=Ticket Triage!'"
        + " --label io.configurableagents.workflow.version=2.1"
        + " --label io.configurableagents.data-volume=ticket-triage-data"
        + " --label io.configurableagents.api-port=8000 --label io.configurableagents.traces-port=5000"
        + " ticket-triage:1.0.0";
    assertThat(ContainerRunner.runArguments(request, Optional.of(Path.of("../../.env"))))
        .contains("io.configurableagents.workflow.name=Ticket Triage!");
    assertThat(out.resolve("README.md")).content().contains("```sh\ndocker build -t ticket-triage:1.0.0 .\n" + run + "\n```")
        .contains("curl -X POST http://localhost:8000/run \\\n  -H 'Content-Type: application/json' \\\n  -d '{}'\n")
        .doesNotContain("\\\\\n");
  }

  @Test
  void theSameInputsGiveTheSameBytesAndStaleJarsGo() throws IOException {
    generate(request);
    Files.writeString(out.resolve("libs/old-1.0.jar"), "stale");
    String readme = Files.readString(out.resolve("README.md"));
    String dockerfile = Files.readString(out.resolve("Dockerfile"));

    generate(request);

    assertThat(out.resolve("README.md")).hasContent(readme);
    assertThat(out.resolve("Dockerfile")).hasContent(dockerfile);
    assertThat(out.resolve("libs/old-1.0.jar")).doesNotExist();
  }
}
