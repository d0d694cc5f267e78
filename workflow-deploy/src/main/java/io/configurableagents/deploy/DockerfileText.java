package io.configurableagents.deploy;

import java.util.List;
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
    String entrypoint = execForm(ImageLayout.entrypoint(r.runtimeJars()));
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
        + "# GET /health on the API port, by the runtime's own probe (the image has no curl)\n"
        + "HEALTHCHECK --interval=" + ImageLayout.HEALTH_INTERVAL.toSeconds() + "s --timeout="
        + ImageLayout.HEALTH_TIMEOUT.toSeconds() + "s --start-period=" + ImageLayout.HEALTH_START_PERIOD.toSeconds()
        + "s --retries=" + ImageLayout.HEALTH_RETRIES + " \\\n"
        + "  CMD " + execForm(ImageLayout.HEALTH_CHECK) + "\n"
        + "ENTRYPOINT " + entrypoint + "\n";
  }

  /** {@code ["a", "b"]}: run without a shell (the jlink base has none). */
  static String execForm(List<String> command) {
    return command.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  private static String label(Map.Entry<String, String> e) {
    String value = e.getValue().replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("\\s+", " ");
    return e.getKey() + "=\"" + value.replace("$", "\\$") + "\"";
  }
}
