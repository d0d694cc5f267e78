package io.configurableagents.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A small base made on the spot from a JDK 21+ on this machine: a jlink runtime of a fixed module
 * list, the shared libraries {@code java} needs taken from this host, a non-root user, and
 * {@code /tmp}. Offline and reproducible; cached under the cache directory, keyed by the JDK build,
 * the module list, the jlink options and this host's C library, so that redeploys reuse it.
 *
 * <p>The module list is fixed (not computed with jdeps) so that the base does not change when the
 * application's jars do; a test runs jdeps over the runtime's jars to prove that it is enough.
 * {@code java.desktop} is left out on purpose (Jackson uses {@code java.beans} only if present), and
 * so is {@code java.security.jgss} (only PostgreSQL's Kerberos login uses it).
 * What else keeps it small (the image's budget is 60 MB): jlink's options below, no
 * {@code lib/classlist} (only {@code -Xshare:dump} reads it), {@code lib/jrt-fs.jar} (only other
 * JDKs' tools read it) or {@code lib/libsimdsort.so} (the JVM sorts large primitive arrays with
 * AVX-512 when it is there, in plain Java when not), and the native symbol tables stripped when this machine has
 * {@code strip} ({@link SymbolStripper}); see {@code docs/deploy.md}, "jlink".
 */
public final class JlinkBase {
  /** The modules of the runtime, in jlink's {@code --add-modules} order. */
  public static final List<String> MODULES = List.of(
      "java.base", "java.logging", "java.management", "java.naming", "java.net.http", "java.sql",
      "jdk.crypto.ec", "jdk.unsupported");

  static final List<String> JLINK_OPTIONS = List.of("--strip-debug", "--no-header-files", "--no-man-pages",
      "--compress=zip-9", "--exclude-files=**/classlist,**/jrt-fs.jar,**/libsimdsort.so");

  /** Where the runtime lives in the image, as in the Temurin images. */
  public static final String JAVA_HOME = "/opt/java/openjdk";

  /** The environment of the base, in a fixed order (the order is part of the image's digest). */
  public static final Map<String, String> ENVIRONMENT = environment();

  /** Bump when the layout changes, so that old caches are not reused. */
  private static final String LAYOUT_VERSION = "1";

  /** Libraries glibc loads by name at run time, which ldd cannot see: name resolution and unwinding. */
  private static final List<String> DLOPENED = List.of("libnss_files.so.2", "libnss_dns.so.2", "libresolv.so.2",
      "libgcc_s.so.1");

  private static final Map<JdkHome, JlinkBase> KNOWN = new ConcurrentHashMap<>();

  private final JdkHome jdk;
  private final Optional<SymbolStripper> stripper;
  private final String key;

  private static Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("JAVA_HOME", JAVA_HOME);
    env.put("PATH", JAVA_HOME + "/bin:/usr/local/bin:/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    return Collections.unmodifiableMap(env);
  }

  private JlinkBase(JdkHome jdk, Optional<SymbolStripper> stripper) {
    this.jdk = jdk;
    this.stripper = stripper;
    this.key = key(jdk, stripper);
  }

  /**
   * The base for {@code jdkHome}; fails with advice off Linux or for a JDK older than 21. The key
   * (which reads this machine's C library) is worked out once per JDK and build tool process.
   */
  public static JlinkBase of(Path jdkHome, HelpfulSuggestions suggestions) {
    String os = System.getProperty("os.name", "");
    if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
      throw suggestions.jlinkNotLinux(os);
    }
    JdkHome jdk = JdkHome.require21(jdkHome, suggestions);
    return KNOWN.computeIfAbsent(jdk, j -> new JlinkBase(j, SymbolStripper.find(System.getenv())));
  }


  public JdkHome jdk() {
    return jdk;
  }

  /** The image name this base gets in the Docker daemon (for {@code docker build}). */
  public String imageReference() {
    return "configurable-agents-jre:" + jdk.version().replace('+', '_') + "-" + key.substring(0, 12);
  }

  /** The root file system of the base, made once and then taken from the cache. */
  public Path prepare(Path cacheDirectory, DeployLog log) {
    Path done = cacheDirectory.resolve("jlink").resolve(key);
    if (Files.isDirectory(done.resolve("rootfs"))) {
      log.debug("jlink base from the cache: " + done);
      return done.resolve("rootfs");
    }
    log.info("Making the jlink base from " + jdk.home() + " (Java " + jdk.version() + "; once, then cached in "
        + done.getParent() + ")");
    if (stripper.isEmpty()) {
      log.info("No 'strip' on the PATH: the jlink base keeps the JVM's symbol tables, about 5 MB (binutils has strip)");
    }
    Path work = cacheDirectory.resolve("jlink").resolve(key + ".tmp-" + UUID.randomUUID());
    try {
      assemble(work.resolve("rootfs"));
      Files.createDirectories(done.getParent());
      Files.move(work, done, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (!Files.isDirectory(done.resolve("rootfs"))) {
        throw DeployException.environment("could not make the jlink base in " + work + ": " + e.getMessage(), e);
      }
      // another build made it at the same time
    } finally {
      deleteQuietly(work);
    }
    return done.resolve("rootfs");
  }

  private void assemble(Path rootfs) throws IOException {
    Path javaHome = rootfs.resolve(JAVA_HOME.substring(1));
    Files.createDirectories(javaHome.getParent());
    jlink(javaHome);
    if (stripper.isPresent()) {
      stripper.get().strip(nativeFiles(javaHome));
    }
    for (Path library : libraries(javaHome)) {
      Path target = rootfs.resolve(library.toString().substring(1));
      Files.createDirectories(target.getParent());
      Files.copy(library.toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
    SystemFiles.write(rootfs);
  }

  private void jlink(Path output) throws IOException {
    List<String> command = new ArrayList<>(List.of(jdk.jlink().toString(), "--add-modules", String.join(",", MODULES)));
    command.addAll(JLINK_OPTIONS);
    command.addAll(List.of("--output", output.toString()));
    try {
      ProcessResult result = ProcessRunner.run(new ProcessBuilder(command), Duration.ofMinutes(5));
      if (!result.succeeded()) {
        throw DeployException.environment("jlink failed: " + result.reason() + "\n" + result.stdout());
      }
    } catch (ProcessRunner.TimedOut e) {
      throw DeployException.environment("jlink did not finish within 5 minutes");
    }
  }

  /** The runtime's executables and native libraries. */
  private static List<Path> nativeFiles(Path javaHome) throws IOException {
    try (Stream<Path> files = Files.walk(javaHome)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".so") || f.getParent().endsWith("bin"))
          .sorted().toList();
    }
  }

  /** The host libraries the runtime's executables and native libraries need, plus the dlopen'ed ones. */
  private static Set<Path> libraries(Path javaHome) throws IOException {
    Set<Path> libraries = SharedLibraries.neededBy(nativeFiles(javaHome), javaHome);
    Path libc = libraries.stream().filter(p -> p.getFileName().toString().equals("libc.so.6")).findFirst()
        .orElseThrow(() -> DeployException.environment("ldd found no libc.so.6 for " + javaHome + "/bin/java"));
    for (String name : DLOPENED) {
      Path candidate = libc.resolveSibling(name);
      if (Files.exists(candidate)) {
        libraries.add(candidate);
      }
    }
    return libraries;
  }

  private static String key(JdkHome jdk, Optional<SymbolStripper> stripper) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, LAYOUT_VERSION, jdk.home().toString(), jdk.release(), String.join(",", MODULES),
          String.join(" ", JLINK_OPTIONS), SystemFiles.describe(), stripper.map(SymbolStripper::version).orElse("-"));
      for (Path library : SharedLibraries.neededBy(List.of(jdk.home().resolve("bin/java")), jdk.home())) {
        update(digest, library.toString());
        digest.update(Files.readAllBytes(library.toRealPath()));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw DeployException.environment("could not read the C library of this machine: " + e.getMessage(), e);
    }
  }

  private static void update(MessageDigest digest, String... parts) {
    for (String part : parts) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted((a, b) -> b.compareTo(a)).forEach(f -> f.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary directory in the cache is harmless
    }
  }
}
