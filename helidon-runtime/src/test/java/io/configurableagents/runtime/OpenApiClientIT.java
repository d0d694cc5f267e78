package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The OpenAPI document the jar serves is valid for a real parser, and a Java client generated from
 * it (openapi-generator, {@code java}/{@code native}) runs the workflow through {@code POST /run}.
 */
class OpenApiClientIT {
  @TempDir Path dir;
  private FakeOpenAi fake;
  private ServerProcess server;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAi.start(Duration.ZERO);
    server = ServerProcess.start(EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data")), dir.resolve("server.log"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
    fake.close();
  }

  @Test
  void theServedDocumentIsValidOpenApiInBothForms() throws Exception {
    for (String path : List.of("/openapi.json", "/openapi.yaml", "/openapi")) {
      SwaggerParseResult result = parse(server.get(path).body());

      assertThat(result.getMessages()).as(path).isEmpty();
      Operation run = result.getOpenAPI().getPaths().get("/run").getPost();
      assertThat(run).as("POST /run in " + path).isNotNull();
      assertThat(run.getRequestBody().getContent().get("application/json").getSchema()).isNotNull();
      assertThat(run.getResponses()).containsKeys("200", "202", "422");
    }
  }

  @Test
  void aClientGeneratedFromTheServedDocumentRunsTheWorkflow() throws Exception {
    Path spec = dir.resolve("openapi.json");
    Files.writeString(spec, server.get("/openapi.json").body());
    Path generated = dir.resolve("client");
    new DefaultGenerator()
        .opts(
            new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("native")
                .setInputSpec(spec.toString())
                .setOutputDir(generated.toString())
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("hideGenerationTimestamp", true)
                .addGlobalProperty("apiTests", "false")
                .addGlobalProperty("modelTests", "false")
                .addGlobalProperty("apiDocs", "false")
                .addGlobalProperty("modelDocs", "false")
                .toClientOptInput())
        .generate();
    Path classes = compile(generated.resolve("src/main/java"));

    try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Object answer = callRun(loader, "through the generated client");
      assertThat(answer.toString()).contains("success", "through the generated client");
    }
    assertThat(fake.requests()).isEqualTo(1);
  }

  /** Finds the generated operation of {@code POST /run} and calls it with {@code {message: text}}. */
  private Object callRun(ClassLoader loader, String text) throws Exception {
    OpenAPI api = parse(Files.readString(dir.resolve("openapi.json"))).getOpenAPI();
    Operation run = api.getPaths().get("/run").getPost();
    String tag = run.getTags() == null || run.getTags().isEmpty() ? "Default" : run.getTags().getFirst();
    Class<?> apiClass = loader.loadClass("org.openapitools.client.api." + camel(tag) + "Api");
    Class<?> clientClass = loader.loadClass("org.openapitools.client.ApiClient");
    Object client = clientClass.getConstructor().newInstance();
    clientClass.getMethod("updateBaseUri", String.class).invoke(client, "http://127.0.0.1:" + server.port());
    Object instance = apiClass.getConstructor(clientClass).newInstance(client);
    Method operation =
        Stream.of(apiClass.getMethods())
            .filter(m -> m.getName().equals(lowerCamel(run.getOperationId())) && m.getParameterCount() >= 1)
            .min((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()))
            .orElseThrow(() -> new AssertionError("no method " + run.getOperationId() + " in " + apiClass));
    Class<?> bodyType = operation.getParameterTypes()[0];
    Object body = bodyType.getConstructor().newInstance();
    bodyType.getMethod("setMessage", String.class).invoke(body, text);
    Object[] args = new Object[operation.getParameterCount()];
    args[0] = body;
    return operation.invoke(instance, args);
  }

  private static SwaggerParseResult parse(String document) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIParser().readContents(document, null, options);
  }

  private static Path compile(Path sources) throws Exception {
    Path classes = Files.createDirectories(sources.getParent().getParent().getParent().resolve("classes"));
    List<File> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    var fileManager = compiler.getStandardFileManager(null, null, null);
    List<String> options = List.of("-d", classes.toString(), "-cp", System.getProperty("java.class.path"), "-proc:none", "-nowarn");
    boolean ok = compiler.getTask(null, fileManager, null, options, null, fileManager.getJavaFileObjectsFromFiles(files)).call();
    assertThat(ok).as("the generated client compiles").isTrue();
    return classes;
  }

  private static String camel(String text) {
    String lower = lowerCamel(text);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  private static String lowerCamel(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : text.toCharArray()) {
      if (!Character.isLetterOrDigit(c)) {
        upper = out.length() > 0;
      } else {
        out.append(upper ? Character.toUpperCase(c) : out.length() == 0 ? Character.toLowerCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

}
