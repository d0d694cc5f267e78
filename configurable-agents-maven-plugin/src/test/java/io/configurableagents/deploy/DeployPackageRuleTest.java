package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The deploy layer knows nothing of Maven: mojos are thin adapters over it. */
class DeployPackageRuleTest {
  @Test
  void theDeployPackageImportsNothingFromMaven() throws IOException {
    Path sources = Path.of("src/main/java/io/configurableagents/deploy");
    List<Path> files;
    try (Stream<Path> s = Files.list(sources)) {
      files = s.filter(f -> f.toString().endsWith(".java")).toList();
    }

    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain("org.apache.maven")
          .doesNotContain("org.eclipse.aether");
    }
  }
}
