package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformJarsTest {
  @TempDir Path dir;

  /** A base whose C library may be glibc or musl. */
  private static final BaseImage REGISTRY_BASE = new BaseImage.Registry("eclipse-temurin:21-jre");

  private static final List<String> SQLITE_ENTRIES = List.of(
      "META-INF/MANIFEST.MF", "org/sqlite/JDBC.class", "org/sqlite/native/",
      "org/sqlite/native/Linux/", "org/sqlite/native/Linux/x86_64/", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
      "org/sqlite/native/Linux/aarch64/", "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
      "org/sqlite/native/Linux-Musl/", "org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so",
      "org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so",
      "org/sqlite/native/Mac/", "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib",
      "org/sqlite/native/Windows/", "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");

  private Path jar(String name, List<String> entries) throws IOException {
    Path jar = dir.resolve(name);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        ZipEntry e = new ZipEntry(entry);
        e.setLastModifiedTime(FileTime.fromMillis(1_600_000_000_000L));
        out.putNextEntry(e);
        if (!entry.endsWith("/")) {
          out.write(("content of " + entry).getBytes(StandardCharsets.UTF_8));
        }
        out.closeEntry();
      }
    }
    return jar;
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
  }

  @Test
  void theSqliteDriverKeepsTheNativeLibrariesOfTheImagesPlatformOnly() throws IOException {
    Path sqlite = jar("sqlite-jdbc-3.53.0.0.jar", SQLITE_ENTRIES);
    RuntimeJars jars = new RuntimeJars(dir.resolve("runtime.jar"), List.of(sqlite));

    RuntimeJars amd64 = PlatformJars.forImage(jars, new ImagePlatform("linux", "amd64"), REGISTRY_BASE, dir.resolve("cache"));

    Path copy = amd64.libraries().get(0);
    assertThat(copy.getFileName()).hasToString("sqlite-jdbc-3.53.0.0.jar");
    assertThat(copy).isNotEqualTo(sqlite);
    assertThat(entries(copy)).containsExactly("META-INF/MANIFEST.MF", "org/sqlite/JDBC.class", "org/sqlite/native/",
        "org/sqlite/native/Linux/", "org/sqlite/native/Linux/x86_64/", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
        "org/sqlite/native/Linux-Musl/", "org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so");
    try (ZipFile zip = new ZipFile(copy.toFile())) {
      ZipEntry library = zip.getEntry("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
      assertThat(zip.getInputStream(library).readAllBytes())
          .asString(StandardCharsets.UTF_8).isEqualTo("content of org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
      assertThat(library.getLastModifiedTime().toMillis()).isEqualTo(1_600_000_000_000L);
    }
  }

  @Test
  void onTheJlinkBaseWhichHasGlibcMuslsLibrariesGo() throws IOException {
    RuntimeJars jars = new RuntimeJars(dir.resolve("runtime.jar"), List.of(jar("sqlite.jar", SQLITE_ENTRIES)));

    Path copy = PlatformJars.forImage(jars, new ImagePlatform("linux", "amd64"), new BaseImage.Jlink(Optional.empty()),
        dir.resolve("cache")).libraries().get(0);

    assertThat(entries(copy)).contains("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so")
        .noneMatch(name -> name.startsWith("org/sqlite/native/Linux-Musl/"));
  }

  @Test
  void anArm64ImageGetsTheArm64Libraries() throws IOException {
    RuntimeJars jars = new RuntimeJars(dir.resolve("runtime.jar"), List.of(jar("sqlite.jar", SQLITE_ENTRIES)));

    Path copy = PlatformJars.forImage(jars, new ImagePlatform("linux", "arm64"), REGISTRY_BASE, dir.resolve("cache")).libraries().get(0);

    assertThat(entries(copy)).contains("org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
        "org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so")
        .doesNotContain("org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
  }

  @Test
  void theSameInputsGiveTheSameBytesAndTheCopyIsMadeOnce() throws IOException {
    RuntimeJars jars = new RuntimeJars(dir.resolve("runtime.jar"), List.of(jar("sqlite.jar", SQLITE_ENTRIES)));
    ImagePlatform amd64 = new ImagePlatform("linux", "amd64");

    Path first = PlatformJars.forImage(jars, amd64, REGISTRY_BASE, dir.resolve("cache-1")).libraries().get(0);
    Path again = PlatformJars.forImage(jars, amd64, REGISTRY_BASE, dir.resolve("cache-1")).libraries().get(0);
    Path elsewhere = PlatformJars.forImage(jars, amd64, REGISTRY_BASE, dir.resolve("cache-2")).libraries().get(0);

    assertThat(again).isEqualTo(first);
    assertThat(Files.readAllBytes(elsewhere)).isEqualTo(Files.readAllBytes(first));
  }

  @Test
  void otherJarsAndSignedOnesGoInAsTheyAre() throws IOException {
    Path plain = jar("jackson-core.jar", List.of("com/fasterxml/jackson/core/JsonParser.class"));
    Path signed = jar("signed.jar", List.of("META-INF/SIGNER.SF", "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib"));
    RuntimeJars jars = new RuntimeJars(dir.resolve("runtime.jar"), List.of(plain, signed));

    assertThat(PlatformJars.forImage(jars, new ImagePlatform("linux", "amd64"), REGISTRY_BASE, dir.resolve("cache")))
        .isEqualTo(jars);
  }

  @Test
  void aPlatformTheDriverHasNoDirectoryForKeepsEverything() throws IOException {
    RuntimeJars jars = new RuntimeJars(dir.resolve("runtime.jar"), List.of(jar("sqlite.jar", SQLITE_ENTRIES)));

    assertThat(PlatformJars.forImage(jars, new ImagePlatform("linux", "s390x"), REGISTRY_BASE, dir.resolve("cache"))).isEqualTo(jars);
  }
}
