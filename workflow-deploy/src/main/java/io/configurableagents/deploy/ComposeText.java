package io.configurableagents.deploy;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The generated {@code docker-compose.yml}: the container {@code deploy} runs, with the same
 * fixed internal ports, env file, data volume, labels and restart policy. No traces port when
 * traces are off.
 */
final class ComposeText {
  private ComposeText() {}

  /** @param envFile the env file relative to the output directory, if any */
  static String of(DeployRequest r, Optional<Path> envFile) {
    boolean hostNetwork = r.hostNetwork();
    StringBuilder y = new StringBuilder();
    y.append("# The container `mvn workflow:deploy` runs. From this directory: docker compose up -d\n");
    y.append("# (it builds the image from the Dockerfile here when Docker does not have ").append(r.image()).append(")\n");
    y.append("services:\n");
    y.append("  workflow:\n");
    y.append("    image: ").append(quote(r.image())).append('\n');
    y.append("    build: .\n");
    y.append("    container_name: ").append(quote(r.containerName())).append('\n');
    if (hostNetwork) {
      y.append("    network_mode: host\n");
      y.append("    environment:\n");
      y.append("      PORT: \"").append(r.port()).append("\"\n");
      y.append("      TRACES_PORT: \"").append(r.tracesPort()).append("\"\n");
    } else {
      y.append("    ports:\n");
      y.append("      - \"").append(r.port()).append(':').append(ImageLayout.API_PORT).append("\"\n");
      if (r.tracesEnabled()) {
        y.append("      - \"").append(r.tracesPort()).append(':').append(ImageLayout.TRACES_PORT).append("\"\n");
      } else {
        y.append("    environment:\n");
        y.append("      TRACES_PORT: \"0\"\n");
      }
    }
    envFile.ifPresent(f -> y.append("    env_file:\n      - ").append(quote(unix(f))).append('\n'));
    y.append("    volumes:\n");
    y.append("      - data:").append(ImageLayout.DATA).append('\n');
    if (r.network().isPresent() && !hostNetwork) {
      y.append("    networks:\n      - ").append(quote(r.network().get())).append('\n');
    }
    y.append("    labels:\n");
    ContainerLabels.of(r).forEach((key, value) -> y.append("      ").append(key).append(": ").append(quote(value))
        .append('\n'));
    y.append("    restart: ").append(ContainerRunner.RESTART_POLICY).append('\n');
    y.append("volumes:\n");
    y.append("  data:\n");
    y.append("    name: ").append(quote(r.dataVolume())).append('\n');
    if (r.network().isPresent() && !hostNetwork) {
      y.append("networks:\n  ").append(quote(r.network().get())).append(":\n    external: true\n");
    }
    return y.toString();
  }

  /** A YAML double-quoted string (also used by the other generated YAML files). */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static String unix(Path p) {
    return p.toString().replace('\\', '/');
  }
}
