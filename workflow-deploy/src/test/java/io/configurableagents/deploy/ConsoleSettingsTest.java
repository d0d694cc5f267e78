package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleSettingsTest {
  @TempDir Path dir;

  @Test
  void whatTheGoalWritesTheConsoleReadsBack() throws IOException {
    ConsoleSettings written = ConsoleSettings.builder(dir.resolve("my project"))
        .bind("0.0.0.0")
        .port(8611)
        .workflowFile(dir.resolve("my project/flows/ünïcode.yaml"))
        .runtimeJars(new RuntimeJars(dir.resolve("runtime.jar"), List.of(dir.resolve("a.jar"), dir.resolve("b c.jar"))))
        .projectVersion("1.2.3")
        .source("https://example.com/repo")
        .created(Instant.parse("2026-01-01T00:00:00Z"))
        .outputDirectory(dir.resolve("out"))
        .cacheDirectory(dir.resolve("cache"))
        .projectCacheDirectory(dir.resolve("my project/target/workflow-cache"))
        .dockerExecutable("/usr/local/bin/docker")
        .jlinkJdk(dir.resolve("jdk"))
        .parentPid(4_194_304_123L)
        .build();
    written.write(dir.resolve("console.properties"));

    ConsoleSettings read = ConsoleSettings.read(dir.resolve("console.properties"));

    assertThat(read.bind()).isEqualTo("0.0.0.0");
    assertThat(read.port()).isEqualTo(8611);
    assertThat(read.projectDirectory()).isEqualTo(dir.resolve("my project"));
    assertThat(read.workflowFile()).contains(dir.resolve("my project/flows/ünïcode.yaml"));
    assertThat(read.runtimeJars()).isEqualTo(written.runtimeJars());
    assertThat(read.projectVersion()).contains("1.2.3");
    assertThat(read.source()).contains("https://example.com/repo");
    assertThat(read.created()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(read.outputDirectory()).isEqualTo(dir.resolve("out"));
    assertThat(read.cacheDirectory()).isEqualTo(dir.resolve("cache"));
    assertThat(read.projectCacheDirectory()).isEqualTo(dir.resolve("my project/target/workflow-cache"));
    assertThat(read.dockerExecutable()).isEqualTo("/usr/local/bin/docker");
    assertThat(read.jlinkJdk()).contains(dir.resolve("jdk"));
    assertThat(read.parentPid()).isEqualTo(4_194_304_123L);
  }

  @Test
  void settingsWithoutAProjectLeaveItsVersionToTheFlow() throws IOException {
    ConsoleSettings.builder(dir).runtimeJars(new RuntimeJars(dir.resolve("r.jar"), List.of()))
        .outputDirectory(dir.resolve("out")).cacheDirectory(dir.resolve("cache")).build()
        .write(dir.resolve("s.properties"));

    ConsoleSettings read = ConsoleSettings.read(dir.resolve("s.properties"));

    assertThat(read.bind()).isEqualTo("127.0.0.1");
    assertThat(read.port()).isEqualTo(8600);
    assertThat(read.projectVersion()).isEmpty();
    assertThat(read.workflowFile()).isEmpty();
    assertThat(read.runtimeJars().libraries()).isEmpty();
  }

  @Test
  void settingsLackingAnEntryAreRefusedByName() throws IOException {
    Files.writeString(dir.resolve("bad.properties"), "bind=127.0.0.1\n");

    assertThatThrownBy(() -> ConsoleSettings.read(dir.resolve("bad.properties")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("the console settings lack projectDirectory");
  }
}
