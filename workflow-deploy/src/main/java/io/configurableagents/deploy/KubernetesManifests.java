package io.configurableagents.deploy;

import io.configurableagents.core.model.EnvironmentVariable;
import io.configurableagents.core.model.EnvironmentVariable.Need;
import io.configurableagents.core.model.WorkflowEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The generated Kubernetes manifests ({@code k8s/}): a Deployment of {@code replicas} pods of the
 * image, probed on the runtime's health endpoints, locked down (non-root, read-only root
 * filesystem with volumes where the runtime writes, no capabilities, no privilege escalation) and
 * with resource requests and limits; a Service in front of it; and a Secret template with the
 * variables of {@code .env.example} (the optional ones commented out, as there) and of the shared
 * job store, which the Deployment reads its environment from. Rules and reasons: {@code
 * docs/scaling.md}.
 */
final class KubernetesManifests {
  /** Where the runtime writes besides {@code /app/data}: the JVM's temporary files. */
  static final String TMP = "/tmp";
  /** The shared job store's variables (the runtime's PostgreSQL store; {@code docs/scaling.md}). */
  static final List<String> JOB_STORE_VARIABLES = List.of("JOB_STORE_URL", "JOB_STORE_USER", "JOB_STORE_PASSWORD");
  static final String LIVENESS_PATH = "/observe/health/live";
  static final String READINESS_PATH = "/observe/health/ready";
  static final String CPU_REQUEST = "250m";
  static final String CPU_LIMIT = "2";
  static final String MEMORY_REQUEST = "512Mi";
  static final String MEMORY_LIMIT = "1Gi";

  private KubernetesManifests() {}

  /** File name (under {@code k8s/}) to text, in the order written. */
  static Map<String, String> of(DeployRequest r, String image) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("deployment.yaml", deployment(r, image));
    files.put("service.yaml", service(r));
    files.put("secret-template/secret.yaml", secret(r));
    return files;
  }

  /**
   * The container name made a Kubernetes object name (a DNS label: lower case letters, digits and
   * '-', starting with a letter, at most 63 characters).
   */
  static String objectName(String containerName) {
    String name = containerName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
        .replaceAll("^[^a-z]+", "");
    name = name.length() > 63 ? name.substring(0, 63) : name;
    name = name.replaceAll("-+$", "");
    return name.isEmpty() ? "workflow" : name;
  }

  /**
   * The Secret's keys, which every pod needs: the job store's, then the workflow's keys and what
   * its tools need ({@code .env.example}'s lines to fill in).
   */
  static List<String> secretKeys(DeployRequest r) {
    List<String> keys = new ArrayList<>(JOB_STORE_VARIABLES);
    workflowVariables(r, false).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    return keys;
  }

  /** What the workflow's tools read besides ({@code .env.example}'s commented lines): passed on when the Secret has them. */
  static List<String> optionalSecretKeys(DeployRequest r) {
    List<String> required = secretKeys(r);
    return workflowVariables(r, true).stream().filter(k -> !required.contains(k)).toList();
  }

  private static List<String> workflowVariables(DeployRequest r, boolean optional) {
    return WorkflowEnvironment.of(r.workflow()).variables().stream()
        .filter(v -> (v.need() == Need.OPTIONAL) == optional)
        .map(EnvironmentVariable::name)
        .toList();
  }

  private static String deployment(DeployRequest r, String image) {
    String name = objectName(r.containerName());
    StringBuilder y = new StringBuilder();
    y.append("# Workflow \"").append(r.workflow().name()).append("\" on Kubernetes: ").append(r.replicas())
        .append(" replicas sharing one PostgreSQL job store.\n");
    y.append("# First create the Secret ").append(name).append(" (secret-template/secret.yaml), then: kubectl apply -f k8s/\n");
    y.append("apiVersion: apps/v1\n");
    y.append("kind: Deployment\n");
    metadata(y, name, r, "");
    y.append("spec:\n");
    y.append("  replicas: ").append(r.replicas()).append('\n');
    y.append("  selector:\n");
    y.append("    matchLabels:\n");
    y.append("      app.kubernetes.io/name: ").append(ComposeText.quote(name)).append('\n');
    y.append("  template:\n");
    y.append("    metadata:\n");
    labels(y, name, r, "      ");
    y.append("    spec:\n");
    y.append("      # SHUTDOWN_GRACE (20 s) for runs in flight, then the JVM's exit\n");
    y.append("      terminationGracePeriodSeconds: 30\n");
    y.append("      automountServiceAccountToken: false\n");
    y.append("      securityContext:\n");
    y.append("        runAsNonRoot: true\n");
    y.append("        runAsUser: ").append(SystemFiles.UID).append('\n');
    y.append("        runAsGroup: ").append(SystemFiles.UID).append('\n');
    y.append("        fsGroup: ").append(SystemFiles.UID).append('\n');
    y.append("        seccompProfile:\n");
    y.append("          type: RuntimeDefault\n");
    y.append("      containers:\n");
    y.append("        - name: workflow\n");
    y.append("          image: ").append(ComposeText.quote(image)).append('\n');
    y.append("          imagePullPolicy: IfNotPresent\n");
    y.append("          ports:\n");
    y.append("            - name: http\n");
    y.append("              containerPort: ").append(ImageLayout.API_PORT).append('\n');
    if (r.tracesEnabled()) {
      y.append("            - name: traces\n");
      y.append("              containerPort: ").append(ImageLayout.TRACES_PORT).append('\n');
    }
    y.append("          env:\n");
    secretKeys(r).forEach(key -> secretVariable(y, name, key, false));
    optionalSecretKeys(r).forEach(key -> secretVariable(y, name, key, true));
    if (!r.tracesEnabled()) {
      y.append("            - name: TRACES_PORT\n");
      y.append("              value: \"0\"\n");
    }
    probe(y, "startupProbe", LIVENESS_PATH, 2, 60);
    probe(y, "livenessProbe", LIVENESS_PATH, 10, 3);
    probe(y, "readinessProbe", READINESS_PATH, 5, 3);
    y.append("          resources:\n");
    y.append("            requests:\n");
    y.append("              cpu: ").append(ComposeText.quote(CPU_REQUEST)).append('\n');
    y.append("              memory: ").append(ComposeText.quote(MEMORY_REQUEST)).append('\n');
    y.append("            limits:\n");
    y.append("              cpu: ").append(ComposeText.quote(CPU_LIMIT)).append('\n');
    y.append("              memory: ").append(ComposeText.quote(MEMORY_LIMIT)).append('\n');
    y.append("          securityContext:\n");
    y.append("            allowPrivilegeEscalation: false\n");
    y.append("            privileged: false\n");
    y.append("            readOnlyRootFilesystem: true\n");
    y.append("            capabilities:\n");
    y.append("              drop: [\"ALL\"]\n");
    y.append("          volumeMounts:\n");
    y.append("            # jobs (without JOB_STORE_URL), traces and the JVM's AOT cache\n");
    y.append("            - name: data\n");
    y.append("              mountPath: ").append(ImageLayout.DATA).append('\n');
    y.append("            - name: tmp\n");
    y.append("              mountPath: ").append(TMP).append('\n');
    y.append("      volumes:\n");
    y.append("        - name: data\n");
    y.append("          emptyDir:\n");
    y.append("            sizeLimit: 2Gi\n");
    y.append("        - name: tmp\n");
    y.append("          emptyDir:\n");
    y.append("            medium: Memory\n");
    y.append("            sizeLimit: 64Mi\n");
    return y.toString();
  }

  private static void probe(StringBuilder y, String kind, String path, int periodSeconds, int failureThreshold) {
    y.append("          ").append(kind).append(":\n");
    y.append("            httpGet:\n");
    y.append("              path: ").append(path).append('\n');
    y.append("              port: http\n");
    y.append("            periodSeconds: ").append(periodSeconds).append('\n');
    y.append("            failureThreshold: ").append(failureThreshold).append('\n');
  }

  private static String service(DeployRequest r) {
    String name = objectName(r.containerName());
    StringBuilder y = new StringBuilder();
    y.append("# The API of workflow \"").append(r.workflow().name()).append("\" inside the cluster: http://")
        .append(name).append(':').append(ImageLayout.API_PORT).append("/run (ready pods only)\n");
    y.append("apiVersion: v1\n");
    y.append("kind: Service\n");
    metadata(y, name, r, "");
    y.append("spec:\n");
    y.append("  type: ClusterIP\n");
    y.append("  selector:\n");
    y.append("    app.kubernetes.io/name: ").append(ComposeText.quote(name)).append('\n');
    y.append("  ports:\n");
    y.append("    - name: http\n");
    y.append("      port: ").append(ImageLayout.API_PORT).append('\n');
    y.append("      targetPort: http\n");
    return y.toString();
  }

  private static void secretVariable(StringBuilder y, String secret, String key, boolean optional) {
    y.append("            - name: ").append(key).append('\n');
    y.append("              valueFrom:\n");
    y.append("                secretKeyRef:\n");
    y.append("                  name: ").append(ComposeText.quote(secret)).append('\n');
    y.append("                  key: ").append(key).append('\n');
    if (optional) {
      y.append("                  optional: true\n");
    }
  }

  private static String secret(DeployRequest r) {
    String name = objectName(r.containerName());
    StringBuilder y = new StringBuilder();
    y.append("# Template of the Secret the Deployment reads its environment from: the keys of .env.example and of the\n");
    y.append("# shared job store. Fill in the values and apply it once:\n");
    y.append("#   kubectl apply -f k8s/secret-template/secret.yaml\n");
    y.append("# or make it from an env file holding these keys: kubectl create secret generic ").append(name)
        .append(" --from-env-file=.env\n");
    y.append("# It is kept out of k8s/ itself so that 'kubectl apply -f k8s/' never resets the values. Never commit it filled in.\n");
    y.append("apiVersion: v1\n");
    y.append("kind: Secret\n");
    metadata(y, name, r, "");
    y.append("type: Opaque\n");
    y.append("stringData:\n");
    for (String key : secretKeys(r)) {
      y.append("  ").append(key).append(": \"\"");
      if (key.equals("JOB_STORE_URL")) {
        y.append("   # jdbc:postgresql://HOST:5432/DATABASE");
      }
      y.append('\n');
    }
    List<String> optional = optionalSecretKeys(r);
    if (!optional.isEmpty()) {
      y.append("  # Optional (docs/tools.md): remove the '# ' to set one.\n");
      optional.forEach(key -> y.append("  # ").append(key).append(": \"\"\n"));
    }
    return y.toString();
  }

  private static void metadata(StringBuilder y, String name, DeployRequest r, String indent) {
    y.append(indent).append("metadata:\n");
    y.append(indent).append("  name: ").append(ComposeText.quote(name)).append('\n');
    labels(y, name, r, indent + "  ");
  }

  private static void labels(StringBuilder y, String name, DeployRequest r, String indent) {
    y.append(indent).append("labels:\n");
    y.append(indent).append("  app.kubernetes.io/name: ").append(ComposeText.quote(name)).append('\n');
    y.append(indent).append("  app.kubernetes.io/version: ").append(ComposeText.quote(labelValue(r.workflow().versionOrDefault())))
        .append('\n');
    y.append(indent).append("  app.kubernetes.io/managed-by: ").append(ComposeText.quote(ContainerLabels.TOOL)).append('\n');
  }

  /** A label value: at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit. */
  static String labelValue(String value) {
    String v = value.replaceAll("[^A-Za-z0-9._-]", "-");
    v = v.length() > 63 ? v.substring(0, 63) : v;
    return v.replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[^A-Za-z0-9]+$", "");
  }
}
