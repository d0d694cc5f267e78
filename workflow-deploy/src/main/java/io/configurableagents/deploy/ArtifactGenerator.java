package io.configurableagents.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the deployment files into the output directory: the workflow (original bytes), its
 * OpenAPI document, a Dockerfile with its build context (the same jars), a compose file,
 * {@code .env.example}, {@code .dockerignore}, a README, the Kubernetes manifests ({@code k8s/})
 * and a compose file for replicas ({@code replicas/}). The same inputs give the same bytes.
 */
public final class ArtifactGenerator {
  static final String DOCKERIGNORE = "# Keeps secrets out of the build context: every env file except the example.\n"
      + ".env\n.env.*\n*.env\n!.env.example\n";

  private final HelpfulSuggestions suggestions;
  private final DeployLog log;

  public ArtifactGenerator(HelpfulSuggestions suggestions, DeployLog log) {
    this.suggestions = suggestions;
    this.log = log;
  }

  /** Writes every file; returns them in the order written. */
  public List<Path> generate(DeployRequest r) {
    logOptionalLibraries(r);
    Path out = r.outputDirectory();
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(out);
      written.add(copy(r.workflowFile(), out.resolve("workflow.yaml")));
      written.add(write(out.resolve("openapi.yaml"), WorkflowDocuments.openApiYaml(r.workflow())));
      String base = r.baseImage().dockerfileBase(suggestions);
      written.add(write(out.resolve("Dockerfile"), DockerfileText.of(r, base)));
      written.addAll(buildContext(r, PlatformJars.forImage(r.runtimeJars(),
          ImagePlatform.choose(r, Optional::empty, suggestions), r.baseImage(), r.cacheDirectory())));
      Optional<Path> envFile = r.envFile().path().map(f -> out.toAbsolutePath().normalize().relativize(f));
      written.add(write(out.resolve("docker-compose.yml"), ComposeText.of(r, envFile)));
      written.add(write(out.resolve(".env.example"), EnvExample.of(r.workflow())));
      written.add(write(out.resolve(".dockerignore"), DOCKERIGNORE));
      written.add(write(out.resolve("README.md"), ReadmeText.of(r, envFile, base)));
      written.addAll(scaleOut(r, envFile));
    } catch (IOException e) {
      throw DeployException.environment("could not write the deployment files to " + out + ": " + e.getMessage(), e);
    }
    log.info("Generated " + written.size() + " deployment files in " + out);
    return written;
  }

  /** Says which optional libraries of the runtime the image gets, and why ({@link OptionalRuntimeLibrary}). */
  private void logOptionalLibraries(DeployRequest r) {
    for (OptionalRuntimeLibrary library : OptionalRuntimeLibrary.neededBy(r.workflow())) {
      String reason = library.reason(r.workflow()).orElseThrow();
      library.jarIn(r.runtimeJars()).ifPresentOrElse(
          jar -> log.info("The image gets " + library + " (" + jar.getFileName() + "), " + reason),
          () -> log.warn("The runtime's libraries have no " + library + " (" + reason + "), so the image goes without"
              + " it; the runtime and this build tool do not match"));
    }
  }

  /**
   * The Kubernetes manifests ({@code k8s/}) and the replicas compose file ({@code replicas/}),
   * naming the image by the digest {@code push} recorded when it is this build's image.
   */
  private List<Path> scaleOut(DeployRequest r, Optional<Path> envFile) throws IOException {
    Optional<PushedImage> pushed = PushedImage.readMatching(r, log);
    String image = pushed.map(PushedImage::byDigest).orElse(r.image());
    pushed.ifPresent(p -> log.info("The Kubernetes manifests and the replicas compose file name the pushed image " + image));
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> file : KubernetesManifests.of(r, image).entrySet()) {
      files.add(writeCreatingParent(r.outputDirectory().resolve("k8s").resolve(file.getKey()), file.getValue()));
    }
    for (Map.Entry<String, String> file : ReplicasCompose.of(r, envFile, image, pushed.isEmpty()).entrySet()) {
      files.add(writeCreatingParent(r.outputDirectory().resolve(ReplicasCompose.DIRECTORY).resolve(file.getKey()),
          file.getValue()));
    }
    return files;
  }

  private static Path writeCreatingParent(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return write(file, text);
  }

  /**
   * The jars as {@code libs/} and {@code runtime.jar}, and an empty {@code data/}, next to the
   * Dockerfile: those of the image's platform ({@link PlatformJars}), as Jib puts them in the image.
   */
  private static List<Path> buildContext(DeployRequest r, RuntimeJars jars) throws IOException {
    Path libs = Files.createDirectories(r.outputDirectory().resolve("libs"));
    Set<String> names = new HashSet<>();
    for (Path jar : jars.libraries()) {
      names.add(jar.getFileName().toString());
      copyIfChanged(jar, libs.resolve(jar.getFileName().toString()));
    }
    try (Stream<Path> existing = Files.list(libs)) {
      for (Path stale : existing.filter(p -> !names.contains(p.getFileName().toString())).toList()) {
        Files.delete(stale);
      }
    }
    Path runtime = copyIfChanged(jars.runtimeJar(), r.outputDirectory().resolve("runtime.jar"));
    Path data = Files.createDirectories(r.outputDirectory().resolve("data"));
    return List.of(libs, runtime, data);
  }

  private static Path copy(Path from, Path to) throws IOException {
    return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Copies unless {@code to} already has {@code from}'s size and time (the jars, on every deploy). */
  private static Path copyIfChanged(Path from, Path to) throws IOException {
    if (Files.isRegularFile(to) && Files.size(to) == Files.size(from)
        && Files.getLastModifiedTime(to).equals(Files.getLastModifiedTime(from))) {
      return to;
    }
    return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }

  private static Path write(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
