package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The generated manifests read as the Kubernetes API's types (fabric8's model, generated from the
 * Kubernetes OpenAPI document), strictly: a field the API does not have, or a value of the wrong
 * type, fails. A Kubernetes API server to dry-run against cannot be run here.
 */
class KubernetesSchemaTest {
  /** Kubernetes' types with no field left over: unknown fields are errors, not kept aside. */
  private static final ObjectMapper STRICT = new ObjectMapper()
      .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
          return false;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
          return JsonIgnoreProperties.Value.empty();
        }
      })
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  @TempDir Path dir;
  private DeployRequest request;

  @BeforeEach
  void files() throws IOException {
    Files.writeString(dir.resolve("workflow.yaml"), "schema_version: \"1.0\"\n");
    Files.writeString(dir.resolve("runtime.jar"), "runtime");
    request = TestRequests.request(dir).toBuilder().image("registry.example.com/team/triage:2.1").build();
  }

  private static <T> T read(Path file, Class<T> type) throws IOException {
    Object yaml = new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    return STRICT.convertValue(yaml, type);
  }

  @Test
  void everyManifestIsAKubernetesObjectOfItsKindWithOnlyFieldsTheApiHas() throws IOException {
    DeployRequest tooled = TestRequests.request(dir, TestRequests.withTools("[web_search, sql_query]")).toBuilder()
        .image("registry.example.com/team/tooled:1").build();
    for (DeployRequest r : List.of(request, request.toBuilder().tracesPort(0).replicas(5).build(), tooled)) {
      new ArtifactGenerator(new HelpfulSuggestions(), DeployLog.SILENT).generate(r);
      Path k8s = r.outputDirectory().resolve("k8s");

      Deployment deployment = read(k8s.resolve("deployment.yaml"), Deployment.class);
      Service service = read(k8s.resolve("service.yaml"), Service.class);
      Secret secret = read(k8s.resolve("secret-template/secret.yaml"), Secret.class);

      assertThat(deployment.getKind()).isEqualTo("Deployment");
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(r.replicas());
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getLivenessProbe().getHttpGet()
          .getPort().getStrVal()).isEqualTo("http");
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
          .get("memory").toString()).isEqualTo("1Gi");
      assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
      assertThat(secret.getStringData()).containsKey("JOB_STORE_URL");
      if (r == tooled) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
            .filteredOn(e -> e.getName().equals("ALLOWED_HOSTS"))
            .singleElement().satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getOptional()).isTrue());
      }
    }
  }

  @Test
  void theStrictReadingRefusesAFieldTheApiDoesNotHave() {
    Map<String, Object> misspelt = Map.of("apiVersion", "v1", "kind", "Service",
        "spec", Map.of("selektor", Map.of("a", "b")));

    assertThatThrownBy(() -> STRICT.convertValue(misspelt, Service.class))
        .hasMessageContaining("selektor");
  }
}
