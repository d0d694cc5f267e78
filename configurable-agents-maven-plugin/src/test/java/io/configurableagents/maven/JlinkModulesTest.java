package io.configurableagents.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.deploy.JlinkBase;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The jlink base's fixed module list is enough for the runtime: jdeps over the runtime and its
 * libraries (the test class path holds them) names no other module but the two left out on
 * purpose ({@code docs/deploy.md}, "jlink"): {@code java.desktop}, which only Jackson uses, for
 * {@code java.beans}, and only when it is there (and the PostgreSQL driver's geometric types), and
 * {@code java.security.jgss}, which only the PostgreSQL driver's Kerberos (GSSAPI) login uses.
 */
class JlinkModulesTest {
  @Test
  void theJlinkBaseHasEveryModuleTheRuntimeNeeds() throws Exception {
    List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    String runtime = classPath.stream().filter(JlinkModulesTest::holdsTheRuntime).findFirst().orElseThrow();
    StringWriter out = new StringWriter();
    int exit = ToolProvider.findFirst("jdeps").orElseThrow().run(new PrintWriter(out), new PrintWriter(out),
        "--print-module-deps", "--ignore-missing-deps", "--multi-release", "21",
        "--class-path", String.join(File.pathSeparator, classPath), runtime);

    assertThat(exit).as(out.toString()).isZero();
    Set<String> needed = new HashSet<>(List.of(out.toString().strip().split(",")));
    needed.removeAll(List.of("java.desktop", "java.security.jgss"));
    assertThat(JlinkBase.MODULES).containsAll(needed);
  }

  private static boolean holdsTheRuntime(String element) {
    Path path = Path.of(element);
    String main = "io/configurableagents/runtime/Main.class";
    if (Files.isDirectory(path)) {
      return Files.isRegularFile(path.resolve(main));
    }
    try (ZipFile jar = new ZipFile(path.toFile())) {
      return jar.getEntry(main) != null;
    } catch (Exception e) {
      return false;
    }
  }
}
