package io.configurableagents.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the container's JVM keeps its AOT cache: {@code /app/data/cds/runtime-<key>.aot}, in the
 * data volume, made by the runtime on its first start (JDK 25+) and mapped on every later one.
 * The key is a digest of the runtime's jars (content, not only names) and the JVM options, so
 * that another runtime never maps a cache trained on different classes: Jib gives every file the
 * same modification time, and the JVM's own check compares only paths, sizes and times. Editing
 * only {@code workflow.yaml} keeps the key, and the cache.
 */
final class AotCacheFile {
  static final String DIRECTORY = ImageLayout.DATA + "/cds";
  private static final int KEY_HEX_DIGITS = 16;

  private AotCacheFile() {}

  /** The cache's path in the image for these jars and options. */
  static String path(RuntimeJars jars, List<String> jvmOptions) {
    return DIRECTORY + "/runtime-" + key(jars, jvmOptions) + ".aot";
  }

  static String key(RuntimeJars jars, List<String> jvmOptions) {
    MessageDigest digest = sha256();
    List<Path> libraries = jars.libraries().stream().sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    for (Path jar : libraries) {
      add(digest, jar);
    }
    add(digest, jars.runtimeJar());
    digest.update(String.join("\n", jvmOptions).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest()).substring(0, KEY_HEX_DIGITS);
  }

  private static void add(MessageDigest digest, Path jar) {
    digest.update((jar.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
    try (InputStream in = Files.newInputStream(jar)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw DeployException.environment("could not read the runtime jar " + jar + ": " + e.getMessage(), e);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
