package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The Kubernetes manifests and the replicas compose file generate writes, read back as YAML. */
class ScaleOutFilesTest {
  private static final String DIGEST = "sha256:" + "ab".repeat(32);

  @TempDir Path dir;
  private DeployRequest request;
  private Path out;
  private final List<String> warnings = new ArrayList<>();
  private final DeployLog log = new DeployLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    @Override
    public void debug(String message) {}
  };

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("workflow.yaml"), "schema_version: \"1.0\"\n");
    Files.writeString(dir.resolve("runtime.jar"), "runtime");
    request = TestRequests.request(dir).toBuilder().image("registry.example.com/team/triage:2.1").replicas(3).build();
    out = request.outputDirectory();
  }

  private void generate(DeployRequest r) {
    new ArtifactGenerator(new HelpfulSuggestions(), log).generate(r);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(Path file) throws IOException {
    return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, Object... path) {
    Object current = node;
    for (Object step : path) {
      current = step instanceof Integer i ? ((List<Object>) current).get(i) : ((Map<String, Object>) current).get(step);
    }
    return (T) current;
  }

  @Test
  void theDeploymentRunsTheReplicasLockedDownAndProbedOnTheHealthEndpoints() throws IOException {
    generate(request);

    Map<String, Object> deployment = yaml(out.resolve("k8s/deployment.yaml"));
    assertThat(at(deployment, "apiVersion").toString()).isEqualTo("apps/v1");
    assertThat(at(deployment, "kind").toString()).isEqualTo("Deployment");
    assertThat(at(deployment, "metadata", "name").toString()).isEqualTo("ticket-triage");
    assertThat((Integer) at(deployment, "spec", "replicas")).isEqualTo(3);
    Map<String, Object> selector = at(deployment, "spec", "selector", "matchLabels");
    assertThat(at(deployment, "spec", "template", "metadata", "labels", "app.kubernetes.io/name").toString())
        .isEqualTo(selector.get("app.kubernetes.io/name"));
    Map<String, Object> pod = at(deployment, "spec", "template", "spec");
    assertThat(at(pod, "securityContext", "runAsNonRoot").toString()).isEqualTo("true");
    assertThat((Integer) at(pod, "securityContext", "runAsUser")).isEqualTo(10001);
    Map<String, Object> container = at(pod, "containers", 0);
    assertThat(at(container, "image").toString()).isEqualTo("registry.example.com/team/triage:2.1");
    assertThat(at(container, "readinessProbe", "httpGet", "path").toString()).isEqualTo("/observe/health/ready");
    assertThat(at(container, "livenessProbe", "httpGet", "path").toString()).isEqualTo("/observe/health/live");
    assertThat(at(container, "readinessProbe", "httpGet", "port").toString()).isEqualTo("http");
    assertThat((Integer) at(container, "ports", 0, "containerPort")).isEqualTo(8000);
    assertThat(at(container, "securityContext", "readOnlyRootFilesystem").toString()).isEqualTo("true");
    assertThat(at(container, "securityContext", "allowPrivilegeEscalation").toString()).isEqualTo("false");
    assertThat((List<Object>) at(container, "securityContext", "capabilities", "drop")).containsExactly("ALL");
    assertThat(at(container, "resources", "requests", "memory").toString()).isEqualTo("512Mi");
    assertThat(at(container, "resources", "limits", "memory").toString()).isEqualTo("1Gi");
    List<Map<String, Object>> mounts = at(container, "volumeMounts");
    assertThat(mounts).extracting(m -> m.get("mountPath")).containsExactly("/app/data", "/tmp");
    List<Map<String, Object>> volumes = at(pod, "volumes");
    assertThat(volumes).extracting(v -> v.get("name")).containsExactlyElementsOf(
        mounts.stream().map(m -> m.get("name")).toList());
    assertThat(volumes).allSatisfy(v -> assertThat(v).containsKey("emptyDir"));
  }

  @Test
  void everyVariableOfTheSecretTemplateReachesTheContainerFromThatSecret() throws IOException {
    generate(request);

    Map<String, Object> secret = yaml(out.resolve("k8s/secret-template/secret.yaml"));
    assertThat(at(secret, "kind").toString()).isEqualTo("Secret");
    Map<String, Object> data = at(secret, "stringData");
    assertThat(data).containsOnlyKeys("JOB_STORE_URL", "JOB_STORE_USER", "JOB_STORE_PASSWORD", "OPENAI_API_KEY");
    assertThat(data.values()).allSatisfy(value -> assertThat(value).isEqualTo(""));

    List<Map<String, Object>> env = at(yaml(out.resolve("k8s/deployment.yaml")), "spec", "template", "spec",
        "containers", 0, "env");
    assertThat(env).extracting(e -> e.get("name")).containsExactlyElementsOf(data.keySet());
    assertThat(env).allSatisfy(e -> {
      assertThat(at(e, "valueFrom", "secretKeyRef", "name").toString()).isEqualTo(at(secret, "metadata", "name"));
      assertThat(at(e, "valueFrom", "secretKeyRef", "key").toString()).isEqualTo(e.get("name"));
    });
  }

  @Test
  void theToolsVariablesReachThePodsFromTheSecretTheOptionalOnesOnlyWhenItHasThem() throws IOException {
    generate(TestRequests.request(dir, TestRequests.withTools("[web_search, sql_query]")).toBuilder()
        .image("registry.example.com/team/tooled:1").build());

    // the Secret asks for what .env.example asks to fill in, so a Secret made from that .env has every key
    List<String> toFillIn = Files.readAllLines(out.resolve(".env.example")).stream()
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).map(line -> line.substring(0, line.indexOf('='))).toList();
    assertThat(toFillIn).containsExactly("OPENAI_API_KEY", "SERPER_API_KEY", "SQL_QUERY_URL");
    Path template = out.resolve("k8s/secret-template/secret.yaml");
    Map<String, Object> data = at(yaml(template), "stringData");
    assertThat(data).containsOnlyKeys("JOB_STORE_URL", "JOB_STORE_USER", "JOB_STORE_PASSWORD", "OPENAI_API_KEY",
        "SERPER_API_KEY", "SQL_QUERY_URL");
    List<String> commentedOut = Files.readAllLines(template).stream().filter(line -> line.matches("  # [A-Z_]+: \"\""))
        .map(line -> line.substring(4, line.indexOf(':'))).toList();
    assertThat(commentedOut).containsExactly("WEB_SEARCH_PROVIDER", "TAVILY_API_KEY", "SERPER_BASE_URL",
        "TAVILY_BASE_URL", "ALLOWED_HOSTS");

    // a pod starts without the optional ones (no such key in the Secret) and gets each one the Secret has
    List<Map<String, Object>> env = at(yaml(out.resolve("k8s/deployment.yaml")), "spec", "template", "spec",
        "containers", 0, "env");
    assertThat(env).filteredOn(e -> at(e, "valueFrom", "secretKeyRef", "optional") == null)
        .extracting(e -> e.get("name")).containsExactlyElementsOf(data.keySet());
    assertThat(env).filteredOn(e -> Boolean.TRUE.equals(at(e, "valueFrom", "secretKeyRef", "optional")))
        .extracting(e -> e.get("name")).containsExactlyElementsOf(commentedOut);
  }

  @Test
  void theServiceSelectsThePodsOfTheDeploymentOnTheApiPort() throws IOException {
    generate(request);

    Map<String, Object> service = yaml(out.resolve("k8s/service.yaml"));
    Map<String, Object> deployment = yaml(out.resolve("k8s/deployment.yaml"));
    assertThat((Map<String, Object>) at(service, "spec", "selector"))
        .isEqualTo(at(deployment, "spec", "selector", "matchLabels"));
    assertThat((Integer) at(service, "spec", "ports", 0, "port")).isEqualTo(8000);
    assertThat(at(service, "spec", "ports", 0, "targetPort").toString()).isEqualTo("http");
  }

  @Test
  void kubectlApplyOfTheDirectoryLeavesTheSecretAlone() {
    generate(request);

    assertThat(out.resolve("k8s")).isDirectoryNotContaining("glob:**/secret*.yaml");
    assertThat(out.resolve("k8s/secret-template/secret.yaml")).isRegularFile();
  }

  @Test
  void theReplicasShareOnePostgresBehindTheBalancerOnTheApiPort() throws IOException {
    generate(request.toBuilder().port(8100).build());

    Map<String, Object> compose = yaml(out.resolve("replicas/docker-compose.yml"));
    Map<String, Object> workflow = at(compose, "services", "workflow");
    assertThat((Integer) at(workflow, "deploy", "replicas")).isEqualTo(3);
    assertThat(at(workflow, "environment", "JOB_STORE_URL").toString()).isEqualTo("jdbc:postgresql://postgres:5432/workflow");
    assertThat(at(workflow, "environment", "JOB_STORE_PASSWORD").toString())
        .isEqualTo(at(compose, "services", "postgres", "environment", "POSTGRES_PASSWORD"))
        .startsWith("${JOB_STORE_PASSWORD:?");
    assertThat(at(workflow, "read_only").toString()).isEqualTo("true");
    assertThat((List<Object>) at(workflow, "tmpfs")).containsExactly("/tmp");
    assertThat((List<Object>) at(workflow, "env_file")).containsExactly("../../../.env");
    assertThat(at(workflow, "build").toString()).isEqualTo("..");
    assertThat(at(workflow, "depends_on", "postgres", "condition").toString()).isEqualTo("service_healthy");
    assertThat((List<Object>) at(compose, "services", "balancer", "ports")).containsExactly("8100:8000");
    assertThat(at(compose, "services", "postgres", "command").toString()).contains("max_connections=250");
    assertThat(out.resolve("replicas/haproxy.cfg")).content()
        .contains("server-template workflow- 10 workflow:8000 check resolvers docker init-addr none")
        .contains("http-check send meth GET uri /observe/health/ready");
  }

  @Test
  void theReplicasPublishOnTheBindAddressesTheTracesPagesOnLoopbackByDefault() throws IOException {
    generate(request);
    Map<String, Object> compose = yaml(out.resolve("replicas/docker-compose.yml"));
    assertThat((List<Object>) at(compose, "services", "workflow", "ports")).containsExactly("127.0.0.1::5000");

    generate(request.toBuilder().bind(BindAddress.parse("127.0.0.1", Setting.BIND, new HelpfulSuggestions()))
        .tracesBind(BindAddress.parse("0.0.0.0", Setting.TRACES_BIND, new HelpfulSuggestions())).build());
    compose = yaml(out.resolve("replicas/docker-compose.yml"));
    assertThat((List<Object>) at(compose, "services", "balancer", "ports")).containsExactly("127.0.0.1:8000:8000");
    assertThat((List<Object>) at(compose, "services", "workflow", "ports")).containsExactly("0.0.0.0::5000");
  }

  @Test
  void theReplicasHaveTheHealthCheckOfTheSingleContainer() throws IOException {
    generate(request);

    Object single = at(yaml(out.resolve("docker-compose.yml")), "services", "workflow", "healthcheck");
    Map<String, Object> replica = at(yaml(out.resolve("replicas/docker-compose.yml")), "services", "workflow", "healthcheck");
    assertThat(replica).isEqualTo(single);
    assertThat((List<Object>) replica.get("test")).startsWith("CMD", "java").endsWith("io.configurableagents.runtime.HealthProbe");
  }

  @Test
  void afterAPushOfTheSameInputsBothNameTheImageByItsDigest() throws IOException {
    new PushedImage(request.image(), DIGEST, List.of("latest")).write(request);

    generate(request);

    String byDigest = "registry.example.com/team/triage@" + DIGEST;
    assertThat(at(yaml(out.resolve("k8s/deployment.yaml")), "spec", "template", "spec", "containers", 0, "image")
        .toString()).isEqualTo(byDigest);
    Map<String, Object> workflow = at(yaml(out.resolve("replicas/docker-compose.yml")), "services", "workflow");
    assertThat(workflow.get("image")).isEqualTo(byDigest);
    assertThat(workflow).doesNotContainKey("build");
    assertThat(warnings).isEmpty();
  }

  @Test
  void aPushOfAnotherWorkflowIsNotNamedAndTheWarningSaysToPushAgain() throws IOException {
    new PushedImage(request.image(), DIGEST, List.of()).write(request);
    Files.writeString(dir.resolve("workflow.yaml"), "schema_version: \"1.0\"\n# edited since the push\n");

    generate(request);

    assertThat(at(yaml(out.resolve("k8s/deployment.yaml")), "spec", "template", "spec", "containers", 0, "image")
        .toString()).isEqualTo("registry.example.com/team/triage:2.1");
    assertThat(warnings).singleElement().asString()
        .contains("was built from another workflow, runtime, base or image name")
        .endsWith("push again (workflow:push) to name it by digest");
  }

  @Test
  void withTheTracesPageOffNeitherFileOpensItsPort() throws IOException {
    generate(request.toBuilder().tracesPort(0).build());

    Map<String, Object> container = at(yaml(out.resolve("k8s/deployment.yaml")), "spec", "template", "spec",
        "containers", 0);
    assertThat((List<Map<String, Object>>) at(container, "ports")).extracting(p -> p.get("containerPort"))
        .containsExactly(8000);
    assertThat((List<Map<String, Object>>) at(container, "env")).anySatisfy(e -> {
      assertThat(e.get("name")).isEqualTo("TRACES_PORT");
      assertThat(e.get("value")).isEqualTo("0");
    });
    Map<String, Object> workflow = at(yaml(out.resolve("replicas/docker-compose.yml")), "services", "workflow");
    assertThat(workflow).doesNotContainKey("ports");
    assertThat(at(workflow, "environment", "TRACES_PORT").toString()).isEqualTo("0");
  }

  @Test
  void objectNamesFollowKubernetesRules() {
    assertThat(KubernetesManifests.objectName("ticket_triage.v2")).isEqualTo("ticket-triage-v2");
    assertThat(KubernetesManifests.objectName("2fast")).isEqualTo("fast");
    assertThat(KubernetesManifests.objectName("x".repeat(70) + "-")).hasSize(63);
    assertThat(KubernetesManifests.objectName("___")).isEqualTo("workflow");
  }
}
