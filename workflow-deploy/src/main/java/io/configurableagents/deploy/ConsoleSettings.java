package io.configurableagents.deploy;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What the console needs from the goal that starts it: where to listen, the project it works in,
 * and what its deploys need that only the build knows (the runtime's jars, the image metadata,
 * the directories, the docker command). The goal writes it to a file that the console's own JVM
 * reads ({@link #write}, {@link #read}); nothing secret is in it.
 */
public final class ConsoleSettings {
  /** The console's port when none is given. */
  public static final int DEFAULT_PORT = 8600;
  /** Loopback only, unless the user says otherwise. */
  public static final String DEFAULT_BIND = "127.0.0.1";

  private final String bind;
  private final int port;
  private final Path projectDirectory;
  private final Optional<Path> workflowFile;
  private final RuntimeJars runtimeJars;
  private final Optional<String> projectVersion;
  private final Optional<String> source;
  private final Instant created;
  private final Path outputDirectory;
  private final Path cacheDirectory;
  private final Path projectCacheDirectory;
  private final String dockerExecutable;
  private final Optional<Path> jlinkJdk;
  private final long parentPid;

  private ConsoleSettings(Builder b) {
    this.bind = b.bind;
    this.port = b.port;
    this.projectDirectory = Objects.requireNonNull(b.projectDirectory, "projectDirectory");
    this.workflowFile = b.workflowFile;
    this.runtimeJars = Objects.requireNonNull(b.runtimeJars, "runtimeJars");
    this.projectVersion = b.projectVersion;
    this.source = b.source;
    this.created = b.created;
    this.outputDirectory = Objects.requireNonNull(b.outputDirectory, "outputDirectory");
    this.cacheDirectory = Objects.requireNonNull(b.cacheDirectory, "cacheDirectory");
    this.projectCacheDirectory = b.projectCacheDirectory != null ? b.projectCacheDirectory : cacheDirectory;
    this.dockerExecutable = b.dockerExecutable;
    this.jlinkJdk = b.jlinkJdk;
    this.parentPid = b.parentPid;
  }

  /** Settings for a console over {@code projectDirectory}; the runtime jars and both directories must be set. */
  public static Builder builder(Path projectDirectory) {
    return new Builder(projectDirectory);
  }

  /** The address to listen on ({@code 127.0.0.1} by default). */
  public String bind() {
    return bind;
  }

  /** The port to listen on; 0: any free one. */
  public int port() {
    return port;
  }

  /** Where workflow files are opened from. */
  public Path projectDirectory() {
    return projectDirectory;
  }

  /** The workflow the page opens with, if there is one. */
  public Optional<Path> workflowFile() {
    return workflowFile;
  }

  /** The runtime that goes into the images. */
  public RuntimeJars runtimeJars() {
    return runtimeJars;
  }

  /** The project's version, for the image's tag and labels; without a project, the flow's version is used. */
  public Optional<String> projectVersion() {
    return projectVersion;
  }

  /** The project's source URL, for the image's labels. */
  public Optional<String> source() {
    return source;
  }

  /** The images' creation time (fixed, for reproducible images). */
  public Instant created() {
    return created;
  }

  /** Where each deploy writes its deployment files (a directory per container name below it). */
  public Path outputDirectory() {
    return outputDirectory;
  }

  /** The user-wide cache the goals use too: base-image layers, the jlink base, the platform copies of jars. */
  public Path cacheDirectory() {
    return cacheDirectory;
  }

  /** Jib's application layers (they change with every build). */
  public Path projectCacheDirectory() {
    return projectCacheDirectory;
  }

  public String dockerExecutable() {
    return dockerExecutable;
  }

  /** The JDK the jlink base is made from; empty: the console's own. */
  public Optional<Path> jlinkJdk() {
    return jlinkJdk;
  }

  /** The process that started the console (the console ends when it does); 0: none. */
  public long parentPid() {
    return parentPid;
  }

  /** Writes these settings to {@code file}. */
  public void write(Path file) throws IOException {
    Properties p = new Properties();
    p.setProperty("bind", bind);
    p.setProperty("port", String.valueOf(port));
    p.setProperty("projectDirectory", projectDirectory.toString());
    workflowFile.ifPresent(f -> p.setProperty("workflowFile", f.toString()));
    p.setProperty("runtimeJar", runtimeJars.runtimeJar().toString());
    p.setProperty("runtimeLibraries", String.join(File.pathSeparator,
        runtimeJars.libraries().stream().map(Path::toString).toList()));
    projectVersion.ifPresent(v -> p.setProperty("projectVersion", v));
    source.ifPresent(s -> p.setProperty("source", s));
    p.setProperty("created", created.toString());
    p.setProperty("outputDirectory", outputDirectory.toString());
    p.setProperty("cacheDirectory", cacheDirectory.toString());
    p.setProperty("projectCacheDirectory", projectCacheDirectory.toString());
    p.setProperty("dockerExecutable", dockerExecutable);
    jlinkJdk.ifPresent(j -> p.setProperty("jlinkJdk", j.toString()));
    p.setProperty("parentPid", String.valueOf(parentPid));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      p.store(out, "workflow:console settings");
    }
  }

  /** Reads settings {@link #write} wrote; fails naming a missing or malformed entry. */
  public static ConsoleSettings read(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    String libraries = p.getProperty("runtimeLibraries", "");
    List<Path> libs = libraries.isEmpty() ? List.of()
        : Arrays.stream(libraries.split(File.pathSeparator)).map(Path::of).toList();
    Builder b = builder(Path.of(required(p, "projectDirectory")))
        .bind(required(p, "bind"))
        .port(number(p, "port"))
        .runtimeJars(new RuntimeJars(Path.of(required(p, "runtimeJar")), libs))
        .created(Instant.parse(required(p, "created")))
        .outputDirectory(Path.of(required(p, "outputDirectory")))
        .cacheDirectory(Path.of(required(p, "cacheDirectory")))
        .projectCacheDirectory(Path.of(required(p, "projectCacheDirectory")))
        .dockerExecutable(required(p, "dockerExecutable"))
        .parentPid(Long.parseLong(required(p, "parentPid")));
    Optional.ofNullable(p.getProperty("workflowFile")).map(Path::of).ifPresent(b::workflowFile);
    Optional.ofNullable(p.getProperty("projectVersion")).ifPresent(b::projectVersion);
    Optional.ofNullable(p.getProperty("source")).ifPresent(b::source);
    Optional.ofNullable(p.getProperty("jlinkJdk")).map(Path::of).ifPresent(b::jlinkJdk);
    return b.build();
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      throw new IllegalArgumentException("the console settings lack " + key);
    }
    return value;
  }

  private static int number(Properties p, String key) {
    try {
      return Integer.parseInt(required(p, key));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the console settings' " + key + " is not a number", e);
    }
  }

  /** Sets the settings up one by one. */
  public static final class Builder {
    private final Path projectDirectory;
    private String bind = DEFAULT_BIND;
    private int port = DEFAULT_PORT;
    private Optional<Path> workflowFile = Optional.empty();
    private RuntimeJars runtimeJars;
    private Optional<String> projectVersion = Optional.empty();
    private Optional<String> source = Optional.empty();
    private Instant created = Instant.EPOCH;
    private Path outputDirectory;
    private Path cacheDirectory;
    private Path projectCacheDirectory;
    private String dockerExecutable = "docker";
    private Optional<Path> jlinkJdk = Optional.empty();
    private long parentPid;

    private Builder(Path projectDirectory) {
      this.projectDirectory = Objects.requireNonNull(projectDirectory, "projectDirectory");
    }

    /** Default {@value ConsoleSettings#DEFAULT_BIND}. */
    public Builder bind(String bind) {
      this.bind = Objects.requireNonNull(bind, "bind");
      return this;
    }

    /** Default {@value ConsoleSettings#DEFAULT_PORT}; 0: any free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder workflowFile(Path workflowFile) {
      this.workflowFile = Optional.of(workflowFile);
      return this;
    }

    /** Required. */
    public Builder runtimeJars(RuntimeJars runtimeJars) {
      this.runtimeJars = Objects.requireNonNull(runtimeJars, "runtimeJars");
      return this;
    }

    public Builder projectVersion(String projectVersion) {
      this.projectVersion = Optional.of(projectVersion);
      return this;
    }

    public Builder source(String source) {
      this.source = Optional.of(source);
      return this;
    }

    /** Default: the epoch, as Jib does. */
    public Builder created(Instant created) {
      this.created = Objects.requireNonNull(created, "created");
      return this;
    }

    /** Required. */
    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
      return this;
    }

    /** Required. */
    public Builder cacheDirectory(Path cacheDirectory) {
      this.cacheDirectory = Objects.requireNonNull(cacheDirectory, "cacheDirectory");
      return this;
    }

    /** Default: {@link #cacheDirectory}. */
    public Builder projectCacheDirectory(Path projectCacheDirectory) {
      this.projectCacheDirectory = Objects.requireNonNull(projectCacheDirectory, "projectCacheDirectory");
      return this;
    }

    /** Default {@code docker}. */
    public Builder dockerExecutable(String dockerExecutable) {
      this.dockerExecutable = Objects.requireNonNull(dockerExecutable, "dockerExecutable");
      return this;
    }

    public Builder jlinkJdk(Path jlinkJdk) {
      this.jlinkJdk = Optional.of(jlinkJdk);
      return this;
    }

    public Builder parentPid(long parentPid) {
      this.parentPid = parentPid;
      return this;
    }

    public ConsoleSettings build() {
      return new ConsoleSettings(this);
    }
  }
}
