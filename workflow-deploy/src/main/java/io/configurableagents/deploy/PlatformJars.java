package io.configurableagents.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The runtime's jars as an image of one platform needs them. The SQLite driver (sqlite-jdbc)
 * bundles its native library for 25 platforms, 21 MB of {@code org/sqlite/native/<OS>/<arch>/};
 * an image runs on one, so its copy keeps that platform's libraries only (glibc's, and musl's
 * unless the base is known to have glibc) and everything else as it is: about 10 MB less in the
 * image. Every other jar goes in unchanged. See {@code docs/deploy.md}, "Platform".
 *
 * <p>The copy is made once per jar and platform in the cache directory, entries in the original
 * order with their original times, so the same inputs give the same bytes.
 */
final class PlatformJars {
  static final String SQLITE_NATIVES = "org/sqlite/native/";
  /** Bump when the copies change, so that old ones are not reused. */
  private static final String VERSION = "1";

  /** sqlite-jdbc's directory names for Docker's architecture names; an architecture not here keeps every library. */
  private static final Map<String, Set<String>> SQLITE_ARCHITECTURES = Map.of(
      "amd64", Set.of("x86_64"), "386", Set.of("x86"), "arm64", Set.of("aarch64"),
      "arm", Set.of("arm", "armv6", "armv7"), "ppc64le", Set.of("ppc64"), "riscv64", Set.of("riscv64"));
  private static final Map<String, Set<String>> SQLITE_SYSTEMS = Map.of("linux", Set.of("Linux", "Linux-Musl"));

  private PlatformJars() {}

  /**
   * {@code jars} for {@code platform} on {@code base}: the same runtime jar, and libraries of which
   * the SQLite driver may be a copy (with musl's libraries only when the base's C library may be musl).
   */
  static RuntimeJars forImage(RuntimeJars jars, ImagePlatform platform, BaseImage base, Path cacheDirectory) {
    Set<String> systems = SQLITE_SYSTEMS.get(platform.os());
    if (systems != null && base.hasGlibc()) {
      systems = Set.of("Linux");
    }
    Set<String> architectures = SQLITE_ARCHITECTURES.get(platform.architecture());
    if (systems == null || architectures == null) {
      return jars;
    }
    List<Path> libraries = new ArrayList<>();
    for (Path jar : jars.libraries()) {
      libraries.add(bundlesSqliteNatives(jar) ? slimCopy(jar, platform, systems, architectures, cacheDirectory) : jar);
    }
    return new RuntimeJars(jars.runtimeJar(), libraries);
  }

  private static boolean bundlesSqliteNatives(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      // a signed jar would no longer verify once changed
      boolean signed = zip.stream().anyMatch(e -> e.getName().startsWith("META-INF/") && e.getName().endsWith(".SF"));
      return !signed && zip.stream().anyMatch(e -> e.getName().startsWith(SQLITE_NATIVES));
    } catch (ZipException e) {
      return false; // not a zip: nothing to take out, it goes in as it is
    } catch (IOException e) {
      throw DeployException.environment("could not read the runtime library " + jar + ": " + e.getMessage(), e);
    }
  }

  /** Whether an entry stays: anything outside the natives, and the natives of these systems and architectures. */
  static boolean keeps(String name, Set<String> systems, Set<String> architectures) {
    if (!name.startsWith(SQLITE_NATIVES)) {
      return true;
    }
    String[] parts = name.substring(SQLITE_NATIVES.length()).split("/");
    if (parts.length == 0 || parts[0].isEmpty()) {
      return true;
    }
    return systems.contains(parts[0]) && (parts.length == 1 || architectures.contains(parts[1]));
  }

  private static Path slimCopy(Path jar, ImagePlatform platform, Set<String> systems, Set<String> architectures,
      Path cacheDirectory) {
    Path copy = cacheDirectory.resolve("platform-jars").resolve(key(jar, platform, systems)).resolve(jar.getFileName());
    if (Files.isRegularFile(copy)) {
      return copy;
    }
    Path temporary = copy.resolveSibling(jar.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(copy.getParent());
      try (ZipFile in = new ZipFile(jar.toFile());
          ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(temporary))) {
        for (ZipEntry entry : Collections.list(in.entries())) {
          if (keeps(entry.getName(), systems, architectures)) {
            copyEntry(in, entry, out);
          }
        }
      }
      Files.move(temporary, copy, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isRegularFile(copy)) {
        throw DeployException.environment("could not write " + copy + ": " + e.getMessage(), e);
      }
      // another build wrote it at the same time
    } finally {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException e) {
        // a leftover temporary file in the cache is harmless
      }
    }
    return copy;
  }

  private static void copyEntry(ZipFile in, ZipEntry entry, ZipOutputStream out) throws IOException {
    ZipEntry copy = new ZipEntry(entry.getName());
    copy.setTime(entry.getTime());
    if (entry.getMethod() == ZipEntry.STORED) {
      copy.setMethod(ZipEntry.STORED);
      copy.setSize(entry.getSize());
      copy.setCompressedSize(entry.getSize());
      copy.setCrc(entry.getCrc());
    }
    out.putNextEntry(copy);
    try (InputStream data = in.getInputStream(entry)) {
      data.transferTo(out);
    }
    out.closeEntry();
  }

  private static String key(Path jar, ImagePlatform platform, Set<String> systems) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((VERSION + "\n" + platform + "\n" + new java.util.TreeSet<>(systems) + "\n")
          .getBytes(StandardCharsets.UTF_8));
      try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 24);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    } catch (IOException e) {
      throw DeployException.environment("could not read the runtime library " + jar + ": " + e.getMessage(), e);
    }
  }
}
