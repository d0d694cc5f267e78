package io.configurableagents.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Debian's docker-registry on loopback for the ITs, as a private registry is: TLS (a certificate
 * made here with openssl) and a password (a bcrypt htpasswd file). Its HTTP API lets a test put
 * a multi-platform base together (an image index over images of several platforms).
 */
public final class ItRegistry implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  private static final String INDEX = "application/vnd.docker.distribution.manifest.list.v2+json";

  private final Process process;
  private final int port;
  private final String authorization;
  private final HttpClient http;

  private ItRegistry(Process process, int port, String user, String password) {
    this.process = process;
    this.port = port;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder().sslContext(trustingEveryCertificate()).connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * Starts the registry on {@code 127.0.0.1:port} with its storage, certificate and log in
   * {@code dir}, asking for the users of {@code htpasswd}; {@code user} and {@code password} are
   * what this class logs in with.
   */
  public static ItRegistry start(Path dir, int port, Path htpasswd, String user, String password) throws Exception {
    Path binary = List.of(Path.of(System.getenv().getOrDefault("DOCKER_REGISTRY_HOME", "/opt/docker-registry"),
            "usr/bin/docker-registry"), Path.of("/usr/bin/docker-registry")).stream()
        .filter(Files::isExecutable).findFirst()
        .orElseThrow(() -> new AssertionError("no docker-registry binary: scripts/test.sh unpacks Debian's"
            + " docker-registry into /opt/docker-registry"));
    Path certs = Files.createDirectories(dir.resolve("certs"));
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        "-keyout", certs.resolve("registry.key").toString(), "-out", certs.resolve("registry.crt").toString())
        .redirectErrorStream(true).start();
    String opensslLog = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (openssl.waitFor() != 0) {
      throw new AssertionError("openssl could not make the registry's certificate: " + opensslLog);
    }
    Path config = dir.resolve("registry.yml");
    Files.writeString(config, "version: 0.1\n"
        + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("registry-data") + "\n"
        + "http:\n  addr: 127.0.0.1:" + port + "\n"
        + "  tls:\n    certificate: " + certs.resolve("registry.crt") + "\n    key: " + certs.resolve("registry.key") + "\n"
        + "auth:\n  htpasswd:\n    realm: it-registry\n    path: " + htpasswd + "\n");
    Process process = new ProcessBuilder(binary.toString(), "serve", config.toString()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("registry.log").toFile()).start();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        return new ItRegistry(process, port, user, password);
      } catch (IOException e) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          process.destroy();
          throw new AssertionError("the registry did not listen on 127.0.0.1:" + port + ": "
              + Files.readString(dir.resolve("registry.log")));
        }
        Thread.sleep(200);
      }
    }
  }

  /**
   * Adds {@code repository:twinTag}: the image {@code repository:tag} with the same layers but a
   * configuration that names {@code architecture}, as an image of that platform would.
   */
  public void platformTwin(String repository, String tag, String twinTag, String architecture) throws Exception {
    ObjectNode manifest = (ObjectNode) JSON.readTree(get(repository + "/manifests/" + tag, MANIFEST));
    ObjectNode config = (ObjectNode) JSON.readTree(get(repository + "/blobs/"
        + manifest.path("config").path("digest").asText(), "*/*"));
    config.put("architecture", architecture);
    byte[] configBytes = JSON.writeValueAsBytes(config);
    String configDigest = uploadBlob(repository, configBytes);
    ((ObjectNode) manifest.get("config")).put("digest", configDigest).put("size", configBytes.length);
    put(repository + "/manifests/" + twinTag, MANIFEST, JSON.writeValueAsBytes(manifest));
  }

  /** Adds {@code repository:indexTag}: an image index over the given tags, each for {@code linux/<architecture>}. */
  public void index(String repository, String indexTag, Map<String, String> architectureByTag) throws Exception {
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (Map.Entry<String, String> entry : architectureByTag.entrySet()) {
      byte[] manifest = get(repository + "/manifests/" + entry.getKey(), MANIFEST).getBytes(StandardCharsets.UTF_8);
      ObjectNode item = manifests.addObject().put("mediaType", MANIFEST).put("size", manifest.length)
          .put("digest", "sha256:" + sha256(manifest));
      item.putObject("platform").put("architecture", entry.getValue()).put("os", "linux");
    }
    put(repository + "/manifests/" + indexTag, INDEX, JSON.writeValueAsBytes(index));
  }

  /** The digests of the layers of {@code repository:tag}, as the registry serves them. */
  public List<String> layerDigests(String repository, String tag) throws Exception {
    JsonNode manifest = JSON.readTree(get(repository + "/manifests/" + tag, MANIFEST));
    java.util.ArrayList<String> digests = new java.util.ArrayList<>();
    manifest.path("layers").forEach(layer -> digests.add(layer.path("digest").asText()));
    return digests;
  }

  /** The architecture the configuration of {@code repository:tag} names. */
  public String architecture(String repository, String tag) throws Exception {
    JsonNode manifest = JSON.readTree(get(repository + "/manifests/" + tag, MANIFEST));
    return JSON.readTree(get(repository + "/blobs/" + manifest.path("config").path("digest").asText(), "*/*"))
        .path("architecture").asText();
  }

  @Override
  public void close() {
    process.destroy();
  }

  private String uploadBlob(String repository, byte[] blob) throws Exception {
    String digest = "sha256:" + sha256(blob);
    HttpResponse<String> start = send(HttpRequest.newBuilder(uri(repository + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()));
    String location = start.headers().firstValue("Location").orElseThrow();
    URI upload = URI.create("https://127.0.0.1:" + port).resolve(location);
    String separator = upload.getQuery() == null ? "?" : "&";
    send(HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest))
        .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob)));
    return digest;
  }

  private String get(String path, String accept) throws Exception {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET()).body();
  }

  private void put(String path, String contentType, byte[] body) throws Exception {
    send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.header("Authorization", authorization)
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response;
  }

  private URI uri(String path) {
    return URI.create("https://127.0.0.1:" + port + "/v2/" + path);
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** The registry's certificate is self-signed, made for this test. */
  private static SSLContext trustingEveryCertificate() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }}, new SecureRandom());
      return context;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

}
