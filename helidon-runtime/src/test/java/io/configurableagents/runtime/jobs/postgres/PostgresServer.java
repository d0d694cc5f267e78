package io.configurableagents.runtime.jobs.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for tests and benchmarks, from the machine's server binaries
 * (Debian's {@code postgresql} package): a new cluster in a temporary directory, on a free
 * loopback port, with password authentication, deleted on {@link #close()}. PostgreSQL refuses to
 * run as root: when the JVM runs as root, every PostgreSQL command runs as the {@code postgres}
 * user (which the package creates), and the directory belongs to that user.
 *
 * <p>Missing binaries fail the test with the command that installs them: tests that need a
 * database never skip silently.
 *
 * <p>{@code java -cp <test classpath> io.configurableagents.runtime.jobs.postgres.PostgresServer}
 * runs one until killed and prints how to reach it (for scripts/bench-replicas.sh).
 */
public final class PostgresServer implements AutoCloseable {
  public static final String USER = "agents";
  private static final String INSTALL_HINT =
      "install PostgreSQL's server binaries (Debian: apt-get install -y postgresql), or set PG_BIN to the directory"
          + " that holds initdb and pg_ctl";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String password = UUID.randomUUID().toString();
  private final Optional<String> runAs;
  private final AtomicInteger databases = new AtomicInteger();

  private PostgresServer(Path bin, Path dir, int port, Optional<String> runAs) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.runAs = runAs;
  }

  /** A new cluster, started. */
  public static PostgresServer start() {
    Path bin = binaries();
    Optional<String> runAs = "root".equals(System.getProperty("user.name")) ? Optional.of("postgres") : Optional.empty();
    try {
      Path dir = Files.createTempDirectory("pg-test-");
      PostgresServer server = new PostgresServer(bin, dir, freePort(), runAs);
      try {
        server.initdb();
        server.startServer();
        // a test JVM stopped by a signal (a build interrupted) still stops its server
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-postgres"));
        return server;
      } catch (RuntimeException | Error e) {
        server.deleteDirectory();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return password;
  }

  /** The postmaster's process id (its children are the sessions). */
  public long pid() {
    try {
      return Long.parseLong(Files.readAllLines(dir.resolve("data/postmaster.pid")).getFirst().trim());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The JDBC URL of a new, empty database of this server. */
  public String createDatabase() {
    String name = "jobs_" + databases.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(url("postgres"), USER, password);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
    }
    return url(name);
  }

  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** A plain connection to {@code url} (not the runtime's pool), for a test's own queries. */
  public Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, USER, password);
  }

  /** Stops the server (fast shutdown: sessions are ended), keeping its data. */
  public void stop() {
    pgCtl("-m", "fast", "stop");
  }

  /** Starts it again on the same port after {@link #stop()}. */
  public void startServer() {
    pgCtl(
        "-l", dir.resolve("server.log").toString(),
        "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=300",
        "start");
  }

  @Override
  public synchronized void close() {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      if (Files.exists(dir.resolve("data/postmaster.pid"))) {
        pgCtl("-m", "immediate", "stop");
      }
    } finally {
      deleteDirectory();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    PostgresServer server = start();
    String database = server.createDatabase();
    System.out.println("postgres url " + database + " user " + USER + " password " + server.password() + " pid " + server.pid());
    Thread.currentThread().join();
  }

  private void initdb() throws IOException {
    Path passwordFile = dir.resolve("password");
    Files.writeString(passwordFile, password + "\n");
    if (runAs.isPresent()) {
      UserPrincipal owner;
      try {
        owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(runAs.get());
      } catch (UserPrincipalNotFoundException e) {
        throw new AssertionError("these tests run as root, so PostgreSQL must run as the user " + runAs.get()
            + ", which does not exist: " + INSTALL_HINT + " (the package creates it)");
      }
      Files.setOwner(dir, owner);
      Files.setOwner(passwordFile, owner);
    }
    run(List.of(
        bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER, "--pwfile=" + passwordFile,
        "--auth=scram-sha-256", "-E", "UTF8", "--no-sync", "--no-instructions"));
  }

  private void pgCtl(String... args) {
    List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60"));
    command.addAll(List.of(args));
    run(command);
  }

  private void run(List<String> command) {
    List<String> full = new ArrayList<>();
    runAs.ifPresent(user -> full.addAll(List.of("runuser", "-u", user, "--")));
    full.addAll(command);
    try {
      Path output = Files.createTempFile("pg-command-", ".log");
      try {
        Process process = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(String.join(" ", full) + " did not finish within 90 s");
        }
        if (process.exitValue() != 0) {
          throw new IllegalStateException(
              String.join(" ", full) + " failed (exit " + process.exitValue() + "):\n" + Files.readString(output) + serverLog());
        }
      } finally {
        Files.deleteIfExists(output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", full) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + full.getFirst(), e);
    }
  }

  private String serverLog() throws IOException {
    Path log = dir.resolve("server.log");
    return Files.exists(log) ? "server log:\n" + Files.readString(log) : "";
  }

  private void deleteDirectory() {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; nothing else to do
    }
  }

  /** {@code PG_BIN}, else the newest {@code /usr/lib/postgresql/<version>/bin}. */
  private static Path binaries() {
    String configured = System.getenv("PG_BIN");
    if (configured != null && !configured.isBlank()) {
      Path bin = Path.of(configured);
      if (!Files.isExecutable(bin.resolve("initdb"))) {
        throw new AssertionError("PG_BIN=" + configured + " holds no initdb: " + INSTALL_HINT);
      }
      return bin;
    }
    Path root = Path.of("/usr/lib/postgresql");
    try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
      return versions
          .filter(v -> v.getFileName().toString().matches("\\d+"))
          .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .orElseThrow(() -> new AssertionError(
              "these tests need a PostgreSQL server and found none under /usr/lib/postgresql/<version>/bin: " + INSTALL_HINT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
