package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheFileTest {
  @TempDir Path dir;
  private RuntimeJars jars;

  @BeforeEach
  void jars() throws IOException {
    jars = new RuntimeJars(Files.writeString(dir.resolve("runtime.jar"), "runtime v1"),
        List.of(Files.writeString(dir.resolve("b.jar"), "b"), Files.writeString(dir.resolve("a.jar"), "a")));
  }

  @Test
  void theCacheLivesInTheDataVolumeUnderAKeyOfTheJars() {
    assertThat(AotCacheFile.path(jars, ImageLayout.JVM_OPTIONS)).matches("/app/data/cds/runtime-[0-9a-f]{16}\\.aot");
  }

  @Test
  void theSameJarsAndOptionsGiveTheSameCacheSoARedeployOfTheWorkflowKeepsIt() {
    RuntimeJars listedOtherwise = new RuntimeJars(jars.runtimeJar(), List.of(jars.libraries().get(1), jars.libraries().get(0)));

    assertThat(AotCacheFile.path(listedOtherwise, ImageLayout.JVM_OPTIONS))
        .isEqualTo(AotCacheFile.path(jars, ImageLayout.JVM_OPTIONS));
  }

  @Test
  void aRuntimeJarChangedInContentButNotInSizeGetsAnotherCache() throws IOException {
    String before = AotCacheFile.path(jars, ImageLayout.JVM_OPTIONS);

    Files.writeString(jars.runtimeJar(), "runtime v2");

    assertThat(AotCacheFile.path(jars, ImageLayout.JVM_OPTIONS)).isNotEqualTo(before);
  }

  @Test
  void otherJvmOptionsGetAnotherCache() {
    assertThat(AotCacheFile.path(jars, List.of("-XX:MaxRAMPercentage=50")))
        .isNotEqualTo(AotCacheFile.path(jars, ImageLayout.JVM_OPTIONS));
  }
}
