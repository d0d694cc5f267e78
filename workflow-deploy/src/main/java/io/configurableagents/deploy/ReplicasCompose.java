package io.configurableagents.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The generated {@code replicas/}: a compose file that runs {@code replicas} containers of the
 * image sharing one PostgreSQL job store, behind an HAProxy load balancer on the API's host port
 * (its configuration beside it). The containers are locked down as in the Kubernetes manifests
 * (read-only root filesystem, {@code /tmp} in memory, no capabilities, no privilege escalation).
 * Rules and reasons: {@code docs/scaling.md}.
 */
final class ReplicasCompose {
  static final String DIRECTORY = "replicas";
  static final String POSTGRES_IMAGE = "postgres:17-alpine";
  static final String HAPROXY_IMAGE = "haproxy:3.0-alpine";
  static final String DATABASE = "workflow";
  static final String DATABASE_USER = "workflow";
  /** The load balancer's server slots: replicas beyond them get no traffic until the file is edited. */
  static final int MIN_SLOTS = 10;
  /**
   * PostgreSQL connections a replica may hold: its pool (10) and its own two, twice while its AOT
   * training run (a short-lived replica of its own) runs ({@code docs/scaling.md}, Configuration).
   */
  static final int CONNECTIONS_PER_REPLICA = 2 * 12;
  private static final String PASSWORD = "${JOB_STORE_PASSWORD:?set JOB_STORE_PASSWORD in the env file or the environment}";

  private ReplicasCompose() {}

  /**
   * File name (under {@code replicas/}) to text.
   *
   * @param envFile the env file relative to the output directory, if any
   * @param image the image, by digest when one was pushed
   * @param buildable whether compose may build the image from the generated Dockerfile (not for a pushed digest)
   */
  static Map<String, String> of(DeployRequest r, Optional<Path> envFile, String image, boolean buildable) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("docker-compose.yml", compose(r, envFile.map(f -> Path.of("..").resolve(f)), image, buildable));
    files.put("haproxy.cfg", haproxy(r));
    return files;
  }

  private static String compose(DeployRequest r, Optional<Path> envFile, String image, boolean buildable) {
    String q = "\"";
    StringBuilder y = new StringBuilder();
    y.append("# Workflow \"").append(r.workflow().name()).append("\": ").append(r.replicas())
        .append(" replicas sharing one PostgreSQL job store, behind HAProxy on port ").append(r.port()).append(".\n");
    y.append("# From this directory (the env file gives JOB_STORE_PASSWORD and the provider keys):\n");
    y.append("#   docker compose").append(envFile.map(f -> " --env-file " + ComposeText.unix(f)).orElse(""))
        .append(" up -d\n");
    y.append("# More replicas: --scale workflow=N (up to ").append(slots(r)).append(", the slots of haproxy.cfg).\n");
    y.append("services:\n");
    y.append("  postgres:\n");
    y.append("    image: ").append(ComposeText.quote(POSTGRES_IMAGE)).append('\n');
    y.append("    # connections for every slot of the balancer\n");
    y.append("    command: [\"postgres\", \"-c\", \"max_connections=").append(maxConnections(r)).append("\"]\n");
    y.append("    environment:\n");
    y.append("      POSTGRES_DB: ").append(ComposeText.quote(DATABASE)).append('\n');
    y.append("      POSTGRES_USER: ").append(ComposeText.quote(DATABASE_USER)).append('\n');
    y.append("      POSTGRES_PASSWORD: ").append(q).append(PASSWORD).append(q).append('\n');
    y.append("    volumes:\n");
    y.append("      - jobs:/var/lib/postgresql/data\n");
    y.append("    healthcheck:\n");
    y.append("      test: [\"CMD\", \"pg_isready\", \"-U\", ").append(ComposeText.quote(DATABASE_USER)).append(", \"-d\", ")
        .append(ComposeText.quote(DATABASE)).append("]\n");
    y.append("      interval: 5s\n");
    y.append("      timeout: 5s\n");
    y.append("      retries: 12\n");
    y.append("    restart: ").append(ContainerRunner.RESTART_POLICY).append('\n');
    y.append("  workflow:\n");
    y.append("    image: ").append(ComposeText.quote(image)).append('\n');
    if (buildable) {
      y.append("    build: ..\n");
    }
    y.append("    deploy:\n");
    y.append("      replicas: ").append(r.replicas()).append('\n');
    envFile.ifPresent(f -> y.append("    env_file:\n      - ").append(ComposeText.quote(ComposeText.unix(f))).append('\n'));
    y.append("    environment:\n");
    y.append("      JOB_STORE_URL: ").append(ComposeText.quote("jdbc:postgresql://postgres:5432/" + DATABASE)).append('\n');
    y.append("      JOB_STORE_USER: ").append(ComposeText.quote(DATABASE_USER)).append('\n');
    y.append("      JOB_STORE_PASSWORD: ").append(q).append(PASSWORD).append(q).append('\n');
    if (r.tracesEnabled()) {
      y.append("    ports:\n");
      y.append("      # each replica's own traces page on a port of its own: docker compose port --index=N workflow ")
          .append(ImageLayout.TRACES_PORT).append('\n');
      y.append("      - \"127.0.0.1::").append(ImageLayout.TRACES_PORT).append("\"\n");
    } else {
      y.append("      TRACES_PORT: \"0\"\n");
    }
    y.append("    read_only: true\n");
    y.append("    tmpfs:\n");
    y.append("      - ").append(KubernetesManifests.TMP).append('\n');
    y.append("    volumes:\n");
    y.append("      # one volume per replica: its traces and the JVM's AOT cache\n");
    y.append("      - ").append(ImageLayout.DATA).append('\n');
    y.append("    cap_drop:\n");
    y.append("      - ALL\n");
    y.append("    security_opt:\n");
    y.append("      - \"no-new-privileges:true\"\n");
    y.append("    depends_on:\n");
    y.append("      postgres:\n");
    y.append("        condition: service_healthy\n");
    y.append("    restart: ").append(ContainerRunner.RESTART_POLICY).append('\n');
    y.append("  balancer:\n");
    y.append("    image: ").append(ComposeText.quote(HAPROXY_IMAGE)).append('\n');
    y.append("    ports:\n");
    y.append("      - \"").append(r.port()).append(':').append(ImageLayout.API_PORT).append("\"\n");
    y.append("    volumes:\n");
    y.append("      - ./haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro\n");
    y.append("    depends_on:\n");
    y.append("      - workflow\n");
    y.append("    restart: ").append(ContainerRunner.RESTART_POLICY).append('\n');
    y.append("volumes:\n");
    y.append("  jobs:\n");
    y.append("    name: ").append(ComposeText.quote(r.containerName() + "-jobs")).append('\n');
    return y.toString();
  }

  static int maxConnections(DeployRequest r) {
    return CONNECTIONS_PER_REPLICA * slots(r) + 10;
  }

  static int slots(DeployRequest r) {
    return Math.max(MIN_SLOTS, 2 * r.replicas());
  }

  /**
   * HAProxy in front of the replicas: finds them through Docker's DNS (every replica of the
   * service {@code workflow}, as they come and go), sends requests only to ready ones (the
   * runtime's readiness check), and waits as long as {@code POST /run} may ({@code MAX_WAIT}).
   */
  private static String haproxy(DeployRequest r) {
    StringBuilder c = new StringBuilder();
    c.append("# The load balancer in front of the replicas of workflow \"").append(r.workflow().name()).append("\".\n");
    c.append("global\n");
    c.append("  log stdout format raw local0\n");
    c.append("\n");
    c.append("defaults\n");
    c.append("  mode http\n");
    c.append("  log global\n");
    c.append("  option httplog\n");
    c.append("  timeout connect 5s\n");
    c.append("  # POST /run may wait up to MAX_WAIT (300 s by default) for its outcome\n");
    c.append("  timeout client 330s\n");
    c.append("  timeout server 330s\n");
    c.append("\n");
    c.append("# Docker's DNS: the service name answers with every replica's address\n");
    c.append("resolvers docker\n");
    c.append("  nameserver dns 127.0.0.11:53\n");
    c.append("  hold valid 5s\n");
    c.append("\n");
    c.append("frontend api\n");
    c.append("  bind :").append(ImageLayout.API_PORT).append('\n');
    c.append("  default_backend replicas\n");
    c.append("\n");
    c.append("backend replicas\n");
    c.append("  balance roundrobin\n");
    c.append("  option httpchk\n");
    c.append("  http-check send meth GET uri ").append(KubernetesManifests.READINESS_PATH).append('\n');
    c.append("  http-check expect status 200\n");
    c.append("  default-server inter 2s fall 2 rise 1\n");
    c.append("  server-template workflow- ").append(slots(r)).append(" workflow:").append(ImageLayout.API_PORT)
        .append(" check resolvers docker init-addr none\n");
    return c.toString();
  }
}
