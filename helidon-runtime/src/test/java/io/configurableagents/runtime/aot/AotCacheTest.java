package io.configurableagents.runtime.aot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AotCacheTest {
  @Test
  void theCacheIsTheLastAotCacheOptionOfTheJvm() {
    assertThat(AotCache.configured(List.of("-Xmx1g", "-XX:AOTCache=/a.aot", "-XX:AOTCache=/app/data/cds/runtime-1.aot")))
        .contains(Path.of("/app/data/cds/runtime-1.aot"));
  }

  @Test
  void withoutTheOptionThereIsNoCache() {
    assertThat(AotCache.configured(List.of("-XX:MaxRAMPercentage=75", "-XX:AOTCacheOutput=/x.aot", "-XX:AOTCache=")))
        .isEmpty();
  }

  @Test
  void theTrainingRunGetsFreePortsScratchDataAndNoApiKey() {
    Map<String, String> env = AotTraining.environment(
        Map.of("OPENAI_API_KEY", "sk-secret", "ANTHROPIC_API_KEY", "sk-ant", "PORT", "8000", "TRACES_PORT", "5000",
            "DATA_DIR", "/app/data", "WORKFLOW_FILE", "/app/workflow.yaml"),
        Path.of("/app/data/cds/training-data"), 40123);

    assertThat(env)
        .doesNotContainKeys("OPENAI_API_KEY", "ANTHROPIC_API_KEY")
        .containsEntry("PORT", "0")
        .containsEntry("TRACES_PORT", "40123")
        .containsEntry("DATA_DIR", "/app/data/cds/training-data")
        .containsEntry("WORKFLOW_FILE", "/app/workflow.yaml");
    assertThat(AotTraining.requested(env)).isTrue();
    assertThat(AotTraining.requested(Map.of())).isFalse();
  }

  @Test
  void withTheTracesPageOffTheTrainingRunHasNoneEither() {
    Map<String, String> env = AotTraining.environment(Map.of("TRACES_PORT", "0"), Path.of("/tmp/training"), 40123);

    assertThat(env).containsEntry("TRACES_PORT", "0");
  }
}
