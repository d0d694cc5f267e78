package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deploy layer knows nothing of Maven: the goals are thin adapters over it, and the console
 * uses it as it is. Its pom has no Maven dependency; this keeps an import from sneaking in through
 * a transitive one.
 */
class DeployPackageRuleTest {
  @Test
  void theDeployModuleImportsNothingFromMaven() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
      files = s.filter(f -> f.toString().endsWith(".java")).toList();
    }

    assertThat(files).hasSizeGreaterThan(10);
    for (Path file : files) {
      assertThat(Files.readString(file)).as(file.toString()).doesNotContain("org.apache.maven")
          .doesNotContain("org.eclipse.aether").doesNotContain("org.codehaus.plexus");
    }
  }
}
