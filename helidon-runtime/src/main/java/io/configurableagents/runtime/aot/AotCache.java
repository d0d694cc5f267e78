package io.configurableagents.runtime.aot;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The JDK's AOT cache (JEP 483, 514, 515: classes loaded and linked ahead of time, with method
 * profiles), kept in the data volume. The image starts the JVM with
 * {@code -XX:AOTCache=/app/data/cds/runtime-<key>.aot}; the JVM uses the file when it is there and
 * matches this JVM and class path, and ignores it (with a message) otherwise. When it was not used
 * and the JVM can make one (JDK 25 or later), a background {@link AotCacheBuilder} trains and
 * writes it, so the next start uses it. Starting never depends on the cache.
 *
 * @param file where the JVM looks for the cache (the {@code -XX:AOTCache} value)
 * @param inUse whether this JVM mapped it
 */
public record AotCache(Path file, boolean inUse) {
  static final String OPTION = "-XX:AOTCache=";
  /** The first JDK whose one JVM flag set both records and creates (JEP 514) and keeps profiles (JEP 515). */
  static final int FIRST_JDK = 25;

  /**
   * The cache this JVM was started with, if any, from its input arguments. Empty when the
   * option is absent, or the JDK is older than 25 (which ignores the option under
   * {@code -XX:+IgnoreUnrecognizedVMOptions}).
   */
  public static Optional<AotCache> ofThisJvm() {
    if (Runtime.version().feature() < FIRST_JDK) {
      return Optional.empty();
    }
    return configured(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .map(file -> new AotCache(file, System.getProperty("java.vm.info", "").contains("sharing")));
  }

  /** The last {@code -XX:AOTCache=} among {@code jvmArguments}. */
  static Optional<Path> configured(List<String> jvmArguments) {
    return jvmArguments.stream()
        .filter(a -> a.startsWith(OPTION) && a.length() > OPTION.length())
        .reduce((first, second) -> second)
        .map(a -> Path.of(a.substring(OPTION.length())));
  }

  /**
   * Reports whether the cache is in use; when it is not, builds it on a background thread (one
   * process at a time per directory) and reports the outcome.
   */
  public static void maintainInBackground(String mainClass, Consumer<String> report) {
    Thread.ofPlatform().daemon().name("aot-cache").start(() -> {
      try {
        ofThisJvm().ifPresent(cache -> cache.maintain(mainClass, report));
      } catch (RuntimeException e) {
        report.accept("AOT cache: not maintained (" + e + "); starts stay without it");
      }
    });
  }

  private void maintain(String mainClass, Consumer<String> report) {
    if (inUse) {
      report.accept("AOT cache: in use (" + file + ")");
      return;
    }
    report.accept("AOT cache: " + file + (Files.exists(file) ? " does not fit this runtime" : " does not exist yet")
        + "; making it in the background, for faster starts from the next one");
    AotCacheBuilder.forThisJvm(file, mainClass).build(report);
  }
}
