package io.configurableagents.deploy;

import java.util.Map;
import java.util.stream.Collectors;

/** The generated Dockerfile: the image {@code deploy} builds, for those who prefer {@code docker build}. */
final class DockerfileText {
  private DockerfileText() {}

  static String of(DeployRequest r, String defaultBase) {
    String env = ImageLayout.environment(r.syncTimeout()).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" \\\n    "));
    String labels = ImageLayout.labels(r.workflow(), r.metadata()).entrySet().stream()
        .map(DockerfileText::label).collect(Collectors.joining(" \\\n      "));
    String entrypoint = ImageLayout.entrypoint(r.runtimeJars()).stream().map(a -> "\"" + a + "\"")
        .collect(Collectors.joining(", ", "[", "]"));
    return "# The image `mvn workflow:deploy` builds with Jib, from the same jars, for `docker build`:\n"
        + "#   docker build -t " + r.image() + " .\n"
        + "# BASE_IMAGE is any Java 21+ runtime with `java` on its PATH, e.g.\n"
        + "#   docker build --build-arg BASE_IMAGE=eclipse-temurin:21-jre -t " + r.image() + " .\n"
        + "ARG BASE_IMAGE=" + defaultBase + "\n"
        + "FROM ${BASE_IMAGE}\n"
        + "\n"
        + "COPY libs/ " + ImageLayout.LIBS + "/\n"
        + "COPY --chown=" + ImageLayout.USER + " data/ " + ImageLayout.DATA + "/\n"
        + "COPY runtime.jar " + ImageLayout.RUNTIME_JAR + "\n"
        + "COPY workflow.yaml " + ImageLayout.WORKFLOW + "\n"
        + "\n"
        + "ENV " + env + "\n"
        + "LABEL " + labels + "\n"
        + "WORKDIR " + ImageLayout.APP + "\n"
        + "USER " + ImageLayout.USER + "\n"
        + "EXPOSE " + ImageLayout.API_PORT + " " + ImageLayout.TRACES_PORT + "\n"
        + "VOLUME " + ImageLayout.DATA + "\n"
        + "ENTRYPOINT " + entrypoint + "\n";
  }

  private static String label(Map.Entry<String, String> e) {
    String value = e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\s+", " ");
    return e.getKey() + "=\"" + value.replace("$", "\\$") + "\"";
  }
}
