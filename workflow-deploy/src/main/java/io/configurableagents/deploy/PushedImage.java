package io.configurableagents.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * An image {@code push} sent to a registry, and its record in the output directory
 * ({@value #FILE}): the generated Kubernetes manifests and replicas compose file name the image by
 * this digest as long as it was built from the inputs of the request at hand (see
 * {@code docs/deploy.md}, "workflow:push").
 *
 * @param image the image as the user named it, {@code registry/repository:tag}
 * @param digest the manifest digest the registry holds, {@code sha256:...}
 * @param tags the other tags it was pushed with
 */
public record PushedImage(String image, String digest, List<String> tags) {
  /** The record's file name in the output directory. */
  public static final String FILE = "pushed-image.properties";

  public PushedImage {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(digest, "digest");
    tags = List.copyOf(tags);
  }

  /** {@code registry/repository@sha256:...}: the image by its content, as clusters should pull it. */
  public String byDigest() {
    return repositoryOf(image) + "@" + digest;
  }

  /** {@code image} without its tag or digest. */
  static String repositoryOf(String image) {
    int at = image.indexOf('@');
    String name = at < 0 ? image : image.substring(0, at);
    int colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
  }

  /** Writes the record of this push of {@code request}'s image. */
  void write(DeployRequest request) {
    Path file = request.outputDirectory().resolve(FILE);
    String text = "# Written by workflow:push. workflow:generate names the image by this digest while the image's inputs\n"
        + "# (workflow, runtime, base, settings) are those recorded here; else by its tag.\n"
        + "image=" + image + "\n"
        + "digest=" + digest + "\n"
        + "tags=" + String.join(",", tags) + "\n"
        + "inputs=" + inputsOf(request) + "\n";
    try {
      Files.createDirectories(request.outputDirectory());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw DeployException.environment("could not record the pushed image in " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * The image pushed last from {@code request}'s output directory, when it was built from the same
   * inputs as {@code request} would build now; a record of other inputs is reported to {@code log}.
   */
  static Optional<PushedImage> readMatching(DeployRequest request, DeployLog log) {
    Path file = request.outputDirectory().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties record = new Properties();
    try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
      record.load(reader);
    } catch (IOException e) {
      log.warn("Could not read " + file + " (" + e.getMessage() + "); the manifests name the image by its tag");
      return Optional.empty();
    }
    String image = record.getProperty("image", "");
    String digest = record.getProperty("digest", "");
    if (image.isEmpty() || !digest.matches("sha256:[0-9a-f]{64}")) {
      log.warn(file + " holds no image and digest; the manifests name the image " + request.image() + " by its tag");
      return Optional.empty();
    }
    if (!record.getProperty("inputs", "").equals(inputsOf(request))) {
      log.warn("The image pushed last (" + image + ", " + digest + ") was built from another workflow, runtime, base"
          + " or image name than this build's; the manifests name " + request.image() + " by its tag: push again"
          + " (workflow:push) to name it by digest");
      return Optional.empty();
    }
    String tags = record.getProperty("tags", "");
    return Optional.of(new PushedImage(image, digest, tags.isEmpty() ? List.of() : List.of(tags.split(","))));
  }

  /**
   * A digest of what the image is made from: the image name, the workflow file's bytes, the base,
   * the settings baked into the image, and the runtime's jars (names, sizes and times).
   */
  static String inputsOf(DeployRequest request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      add(sha, request.image());
      sha.update(Files.readAllBytes(request.workflowFile()));
      add(sha, request.baseImage().spec());
      add(sha, String.valueOf(request.syncTimeout().toSeconds()));
      add(sha, request.metadata().toString());
      for (Path jar : concat(request.runtimeJars())) {
        add(sha, jar.getFileName() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (IOException e) {
      throw DeployException.environment("could not read the image's inputs: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static List<Path> concat(RuntimeJars jars) {
    return Stream.concat(Stream.of(jars.runtimeJar()), jars.libraries().stream()).toList();
  }

  private static void add(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }
}
