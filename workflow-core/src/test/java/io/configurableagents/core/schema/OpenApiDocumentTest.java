package io.configurableagents.core.schema;

import static io.configurableagents.core.schema.TestWorkflows.STR;
import static io.configurableagents.core.schema.TestWorkflows.described;
import static io.configurableagents.core.schema.TestWorkflows.echo;
import static io.configurableagents.core.schema.TestWorkflows.everyType;
import static io.configurableagents.core.schema.TestWorkflows.json;
import static io.configurableagents.core.schema.TestWorkflows.optional;
import static io.configurableagents.core.schema.TestWorkflows.withDefault;
import static io.configurableagents.core.schema.TestWorkflows.withFlow;
import static io.configurableagents.core.schema.TestWorkflows.workflow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.core.model.Workflow;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class OpenApiDocumentTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Workflow ECHO = withFlow(echo(), "Minimal echo workflow", "1.2.0");

  @Test
  void isValidOpenApi31ForSwaggerParserInBothRenderings() {
    for (Workflow w : List.of(ECHO, everyType())) {
      OpenApiDocument document = OpenApiDocument.of(w);
      for (String text : List.of(document.json(), document.yaml())) {
        SwaggerParseResult result = parse(text);

        assertThat(result.getMessages()).as(w.name()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
      }
    }
  }

  @Test
  void theParserCheckReportsABrokenDocument() {
    ObjectNode broken = OpenApiDocument.of(ECHO).tree();
    ((ObjectNode) broken.get("info")).remove("version");
    ((ObjectNode) broken.at("/paths/~1run/post/requestBody/content/application~1json/schema")).put("$ref", "#/nowhere");

    assertThat(parse(broken.toString()).getMessages()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void describesExactlyTheEndpointsOfTheApiTable() {
    Map<String, PathItem> paths = parse(OpenApiDocument.of(ECHO).json()).getOpenAPI().getPaths();

    assertThat(paths).containsOnlyKeys("/", "/run", "/status/{job_id}", "/health", "/schema", "/openapi", "/docs");
    assertThat(paths.get("/run").readOperationsMap()).containsOnlyKeys(PathItem.HttpMethod.POST);
    assertThat(paths.get("/status/{job_id}").readOperationsMap())
        .containsOnlyKeys(PathItem.HttpMethod.GET, PathItem.HttpMethod.DELETE);
    for (String path : List.of("/", "/health", "/schema", "/openapi", "/docs")) {
      assertThat(paths.get(path).readOperationsMap()).as(path).containsOnlyKeys(PathItem.HttpMethod.GET);
    }
  }

  @Test
  void runTakesTheWorkflowsInputsWithAValidExample() {
    ObjectNode tree = OpenApiDocument.of(everyType()).tree();
    JsonNode body = tree.at("/paths/~1run/post/requestBody");

    assertThat(body.get("required").asBoolean()).isTrue();
    assertThat(body.at("/content/application~1json/schema/$ref").asText()).isEqualTo("#/components/schemas/RunInputs");
    assertThat(tree.at("/components/schemas/RunInputs")).isEqualTo(withoutDialect(JsonSchemas.inputs(everyType())));
    JsonNode example = body.at("/content/application~1json/example");
    assertThat(example).isEqualTo(ExampleInputs.of(everyType()));
    assertThat(SchemaValidation.errors(JsonSchemas.inputs(everyType()), example)).isEmpty();
  }

  @Test
  void runAnswersEveryOutcomeOfTheApiTable() {
    Operation run = parse(OpenApiDocument.of(ECHO).json(), true).getOpenAPI().getPaths().get("/run").getPost();

    assertThat(run.getResponses())
        .containsOnlyKeys("200", "202", "400", "409", "413", "415", "422", "429", "500", "502", "503");
    assertThat(run.getResponses().get("429").getHeaders()).containsKey("Retry-After");
    assertThat(run.getResponses().get("202").getHeaders()).containsKey("Location");
    assertThat(run.getResponses().get("503").getHeaders()).containsKey("Retry-After");
    assertThat(run.getParameters()).extracting(p -> p.getIn() + ":" + p.getName())
        .containsExactly("query:wait", "header:Prefer");
  }

  @Test
  void successCarriesTheResultSchemaAndFailuresTheFailedEnvelope() {
    ObjectNode tree = OpenApiDocument.of(ECHO).tree();
    JsonNode responses = tree.at("/paths/~1run/post/responses");
    JsonNode schemas = tree.at("/components/schemas");

    assertThat(responses.at("/200/content/application~1json/schema/$ref").asText()).endsWith("/RunSucceeded");
    assertThat(schemas.at("/RunSucceeded/properties/outputs/$ref").asText()).endsWith("/RunOutputs");
    assertThat(schemas.get("RunOutputs")).isEqualTo(withoutDialect(JsonSchemas.result(ECHO)));
    assertThat(responses.at("/502/content/application~1json/schema/$ref").asText()).endsWith("/RunFailed");
    assertThat(responses.at("/500/content/application~1json/schema/oneOf/0/$ref").asText()).endsWith("/RunFailed");
    assertThat(schemas.at("/RunFailed/required")).isEqualTo(json("[\"status\", \"job_id\", \"error\"]"));
    assertThat(schemas.at("/RunFailed/properties/status/enum")).isEqualTo(json("[\"failed\"]"));
    assertThat(schemas.at("/RunError/required")).isEqualTo(json("[\"type\", \"node\", \"message\"]"));
    assertThat(schemas.at("/InvalidInputs/properties/problems/items/$ref").asText()).endsWith("/InputProblem");
  }

  @Test
  void jobsHaveTheFiveStatusesAndCancelAnswers200Or404Or409() {
    ObjectNode tree = OpenApiDocument.of(ECHO).tree();

    assertThat(tree.at("/components/schemas/JobStatus/enum"))
        .isEqualTo(json("[\"pending\", \"running\", \"completed\", \"failed\", \"cancelled\"]"));
    assertThat(tree.at("/components/schemas/Job/properties").fieldNames()).toIterable().containsExactly(
        "job_id", "status", "created_at", "started_at", "completed_at", "execution_time_ms", "outputs", "error");
    assertThat(tree.at("/paths/~1status~1{job_id}/get/responses").fieldNames()).toIterable().containsExactly("200", "404", "4XX");
    assertThat(tree.at("/paths/~1status~1{job_id}/delete/responses").fieldNames()).toIterable()
        .containsExactly("200", "404", "409", "4XX");
  }

  @Test
  void aFailedRunAndARequestErrorAreToldApartByTheirStatus() {
    ObjectNode tree = OpenApiDocument.of(ECHO).tree();
    JsonNode failure = tree.at("/paths/~1run/post/responses/500/content/application~1json/schema");

    assertThat(failure.at("/discriminator/propertyName").asText()).isEqualTo("status");
    assertThat(failure.at("/discriminator/mapping/failed").asText()).isEqualTo("#/components/schemas/RunFailed");
    assertThat(failure.at("/discriminator/mapping/error").asText()).isEqualTo("#/components/schemas/ErrorResponse");
    assertThat(tree.at("/components/schemas/ErrorResponse/required")).isEqualTo(json("[\"status\", \"error\"]"));
    assertThat(tree.at("/components/schemas/ErrorResponse/properties/status/enum")).isEqualTo(json("[\"error\"]"));
  }

  @Test
  void everyOperationListsAClientErrorAndTheServiceIsItsOwnServer() {
    ObjectNode tree = OpenApiDocument.of(ECHO).tree();

    assertThat(tree.at("/servers/0/url").asText()).isEqualTo("/");
    assertThat(tree.get("security")).isEqualTo(json("[]"));
    assertThat(tree.at("/components/securitySchemes").isMissingNode()).isTrue();
    tree.get("paths").forEach(path -> path.properties().stream().filter(op -> op.getValue().has("responses"))
        .forEach(op -> assertThat(op.getValue().get("responses").fieldNames()).toIterable().as(op.getKey())
            .anySatisfy(code -> assertThat(code).startsWith("4"))));
  }

  @Test
  void withApiKeysEveryOperationButTheHealthCheckNeedsABearerKeyAndMayAnswer401() {
    ObjectNode tree = OpenApiDocument.of(ECHO, OpenApiDocument.Security.API_KEYS).tree();

    assertThat(tree.at("/components/securitySchemes/apiKey/type").asText()).isEqualTo("http");
    assertThat(tree.at("/components/securitySchemes/apiKey/scheme").asText()).isEqualTo("bearer");
    assertThat(tree.get("security")).isEqualTo(json("[{\"apiKey\": []}]"));
    assertThat(tree.at("/paths/~1health/get/security")).isEqualTo(json("[]"));
    assertThat(tree.at("/paths/~1health/get/responses/401").isMissingNode()).isTrue();
    for (String op : List.of("/~1/get", "/~1run/post", "/~1status~1{job_id}/get", "/~1status~1{job_id}/delete", "/~1schema/get",
        "/~1openapi/get", "/~1docs/get")) {
      assertThat(tree.at("/paths" + op + "/responses/401/$ref").asText()).as(op).isEqualTo("#/components/responses/Unauthorized");
    }
    assertThat(tree.at("/components/responses/Unauthorized/headers/WWW-Authenticate/$ref").asText()).endsWith("/WwwAuthenticate");
    assertThat(parse(OpenApiDocument.of(ECHO, OpenApiDocument.Security.API_KEYS).json()).getMessages()).isEmpty();
  }

  @Test
  void titleDescriptionAndVersionComeFromFlow() {
    JsonNode info = OpenApiDocument.of(ECHO).tree().get("info");

    assertThat(info.get("title").asText()).isEqualTo("echo");
    assertThat(info.get("description").asText()).startsWith("Minimal echo workflow\n\n");
    assertThat(info.get("version").asText()).isEqualTo("1.2.0");
    assertThat(OpenApiDocument.of(echo()).tree().at("/info/version").asText()).isEqualTo("1.0.0");
  }

  @Test
  void everyComponentSchemaIsAValidJsonSchema() {
    OpenApiDocument.of(everyType()).tree().at("/components/schemas").properties().forEach(schema ->
        assertThat(SchemaValidation.metaSchemaErrors(schema.getValue())).as(schema.getKey()).isEmpty());
  }

  @Test
  void yamlReadsBackAsTheJsonEvenForYaml11Readers() throws Exception {
    Workflow tricky = withFlow(
        workflow("yes",
            described(withDefault("on", STR, "012"), "no"),
            withDefault("y", STR, "2024-01-01"),
            withDefault("off", STR, "1_000"),
            withDefault("n", STR, "~"),
            withDefault("null", STR, "0x1F"),
            withDefault("tilde", STR, "1:30"),
            withDefault("dot", STR, ".5"),
            optional("plain", STR)),
        "Line one: with a colon\n  indented line, and 'quotes' and \"double quotes\"\n", "1.0");
    OpenApiDocument document = OpenApiDocument.of(tricky);

    Object yaml11 = new Yaml().load(document.yaml());

    assertThat(MAPPER.valueToTree(yaml11).toString()).isEqualTo(document.tree().toString());
    assertThat(MAPPER.readTree(document.json()).toString()).isEqualTo(document.tree().toString());
    assertThat(parse(document.yaml()).getMessages()).isEmpty();
  }

  @Test
  void theSameWorkflowGivesTheSameTextEveryTime() {
    assertThat(OpenApiDocument.of(everyType()).yaml()).isEqualTo(OpenApiDocument.of(everyType()).yaml());
    assertThat(OpenApiDocument.of(everyType()).json()).isEqualTo(OpenApiDocument.of(everyType()).json());
    assertThat(OpenApiDocument.of(ECHO).yaml()).startsWith("openapi: ").contains("\npaths:\n  /:\n");
  }

  @Test
  void treeIsACopyTheCallerMayChange() {
    OpenApiDocument document = OpenApiDocument.of(ECHO);

    document.tree().put("openapi", "changed");

    assertThat(document.tree().get("openapi").asText()).isEqualTo("3.1.0");
    assertThat(document.yaml()).doesNotContain("changed");
  }

  private static ObjectNode withoutDialect(ObjectNode schema) {
    schema.remove("$schema");
    return schema;
  }

  static SwaggerParseResult parse(String document) {
    return parse(document, false);
  }

  /** Parses with references resolved, and with them inlined when {@code inline}. */
  static SwaggerParseResult parse(String document, boolean inline) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setResolveFully(inline);
    SwaggerParseResult result = new OpenAPIParser().readContents(document, null, options);
    OpenAPI api = result.getOpenAPI();
    assertThat(api).as("parsed: %s", result.getMessages()).isNotNull();
    return result;
  }
}
