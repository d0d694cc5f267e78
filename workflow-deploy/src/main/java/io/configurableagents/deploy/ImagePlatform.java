package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.buildplan.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The operating system and CPU architecture an image is built for, as Docker names them
 * ({@code linux/amd64}, {@code linux/arm64}). Jib picks the matching image of a multi-platform
 * base by these two; see {@code docs/deploy.md}, "Platform".
 */
public record ImagePlatform(String os, String architecture) {
  /** Java's {@code os.arch} names, as Docker names the architectures. */
  private static final Map<String, String> JAVA_ARCHITECTURES = Map.of(
      "amd64", "amd64", "x86_64", "amd64", "aarch64", "arm64", "arm", "arm", "x86", "386", "i386", "386",
      "ppc64le", "ppc64le", "s390x", "s390x", "riscv64", "riscv64");

  public ImagePlatform {
    if (!os.matches("[a-z0-9_]+") || !architecture.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("not a platform: " + os + "/" + architecture);
    }
  }

  /**
   * Reads the user's setting: {@code OS/ARCHITECTURE} as Docker's {@code --platform} writes it
   * ({@code linux/arm64}), or the architecture alone for Linux ({@code arm64}).
   */
  public static ImagePlatform parse(String text, HelpfulSuggestions suggestions) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    String[] parts = s.split("/", -1);
    if (parts.length == 1 && parts[0].matches("[a-z0-9_]+")) {
      return new ImagePlatform("linux", parts[0]);
    }
    if (parts.length == 2 && parts[0].matches("[a-z0-9_]+") && parts[1].matches("[a-z0-9_]+")) {
      return new ImagePlatform(parts[0], parts[1]);
    }
    String rule = parts.length == 3
        ? "Jib picks a base image's platform by OS and architecture only, without a variant"
        : "a platform is OS/ARCHITECTURE as Docker names them";
    throw suggestions.invalidSetting(Setting.PLATFORM, text, rule, "linux/arm64");
  }

  /** What {@code docker version --format '{{.Server.Os}}/{{.Server.Arch}}'} printed, if it reads as a platform. */
  static Optional<ImagePlatform> ofDockerVersion(String osSlashArchitecture) {
    String[] parts = osSlashArchitecture.strip().split("/");
    if (parts.length == 2 && parts[0].matches("[a-z0-9_]+") && parts[1].matches("[a-z0-9_]+")) {
      return Optional.of(new ImagePlatform(parts[0], parts[1]));
    }
    return Optional.empty();
  }

  /** Linux on this machine's architecture: what a base made from this machine's JDK runs on. */
  public static ImagePlatform ofThisMachine() {
    String arch = System.getProperty("os.arch", "amd64").toLowerCase(Locale.ROOT);
    return new ImagePlatform("linux", JAVA_ARCHITECTURES.getOrDefault(arch, arch.replaceAll("[^a-z0-9_]", "")));
  }

  /**
   * The platform {@code request}'s image is built for: the one the user chose; for a base that
   * runs on one platform only (jlink: this machine's), that one, and a choice of another fails;
   * else the Docker daemon's, else this machine's.
   *
   * @param daemon the Docker daemon's platform, asked only when needed
   */
  static ImagePlatform choose(DeployRequest request, Supplier<Optional<ImagePlatform>> daemon,
      HelpfulSuggestions suggestions) {
    Optional<ImagePlatform> only = request.baseImage().onlyPlatform();
    if (only.isPresent()) {
      if (request.platform().filter(p -> !p.equals(only.get())).isPresent()) {
        throw suggestions.jlinkMakesOnlyThisPlatform(request.platform().get(), only.get());
      }
      return only.get();
    }
    return request.platform().or(daemon).orElseGet(ImagePlatform::ofThisMachine);
  }

  /** For Jib. */
  Platform jib() {
    return new Platform(architecture, os);
  }

  @Override
  public String toString() {
    return os + "/" + architecture;
  }
}
