package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the credentials for a registry come from, in one place for every registry the deploy
 * layer talks to (the base image it pulls, the image {@code push} sends). In order, the first that
 * has one wins:
 *
 * <ol>
 *   <li>the front end's login for the registry host ({@link Logins}; Maven: the {@code settings.xml}
 *       {@code <server>} whose id is the registry, e.g. {@code ghcr.io} or {@code localhost:5000},
 *       else the host without its port), password decrypted;
 *   <li>Docker's configuration, as Jib reads it: {@code $DOCKER_CONFIG/config.json}, then
 *       {@code ~/.docker/config.json} (with the credential helpers and store they name), Podman's
 *       {@code containers/auth.json};
 *   <li>the well-known credential helpers (e.g. {@code docker-credential-gcr} for {@code gcr.io}).
 * </ol>
 *
 * <p>The order and files are those of the Jib plugins (see {@code docs/deploy.md}, "Registry credentials").
 */
public final class RegistryCredentials {

  /** A front end's logins, by server id (a registry host, with or without port). */
  @FunctionalInterface
  public interface Logins {
    /** The login stored under {@code serverId}, if any; fails with a {@link DeployException} when it cannot be read. */
    Optional<RegistryLogin> find(String serverId);
  }

  private final Logins logins;
  private final Map<String, String> environment;
  private final Path userHome;

  private RegistryCredentials(Logins logins, Map<String, String> environment, Path userHome) {
    this.logins = logins;
    this.environment = environment;
    this.userHome = userHome;
  }

  /** The front end's logins first, then Docker's configuration of this process's user. */
  public static RegistryCredentials of(Logins logins) {
    return new RegistryCredentials(logins, System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** No front-end logins: Docker's configuration only. */
  public static RegistryCredentials dockerConfigOnly() {
    return of(serverId -> Optional.empty());
  }

  /** For tests: the environment and home directory Docker's files are looked up in. */
  static RegistryCredentials of(Logins logins, Map<String, String> environment, Path userHome) {
    return new RegistryCredentials(logins, Map.copyOf(environment), userHome);
  }

  /** {@code reference} as a Jib registry image that asks for credentials in the order above. */
  public RegistryImage image(ImageReference reference, DeployLog log) {
    RegistryImage image = RegistryImage.named(reference);
    retrievers(reference, log).forEach(image::addCredentialRetriever);
    return image;
  }

  /** The front end's login for this registry: by the registry as written, else by its host alone. */
  public Optional<RegistryLogin> login(String registry) {
    Optional<RegistryLogin> login = logins.find(registry);
    int colon = registry.lastIndexOf(':');
    if (login.isEmpty() && colon > 0 && !registry.endsWith("]")) {
      login = logins.find(registry.substring(0, colon));
    }
    return login;
  }

  List<CredentialRetriever> retrievers(ImageReference reference, DeployLog log) {
    CredentialRetrieverFactory jib = CredentialRetrieverFactory.forImage(reference, event -> log.debug(event.getMessage()));
    List<CredentialRetriever> retrievers = new ArrayList<>();
    String registry = reference.getRegistry();
    retrievers.add(() -> login(registry).map(l -> {
      log.debug("Using the credentials of " + l.source() + " for " + registry);
      return Credential.from(l.username(), l.password());
    }));
    for (Path file : dockerConfigFiles()) {
      retrievers.add(jib.dockerConfig(file));
    }
    retrievers.add(jib.wellKnownCredentialHelpers());
    return retrievers;
  }

  /** Docker's and Podman's credential files, in the order the Jib plugins read them. */
  List<Path> dockerConfigFiles() {
    Set<Path> files = new LinkedHashSet<>();
    Optional.ofNullable(environment.get("XDG_RUNTIME_DIR")).ifPresent(d -> files.add(Path.of(d, "containers", "auth.json")));
    Optional.ofNullable(environment.get("XDG_CONFIG_HOME")).ifPresent(d -> files.add(Path.of(d, "containers", "auth.json")));
    files.add(userHome.resolve(".config/containers/auth.json"));
    Optional.ofNullable(environment.get("DOCKER_CONFIG")).ifPresent(d -> files.add(Path.of(d, "config.json")));
    files.add(userHome.resolve(".docker/config.json"));
    return List.copyOf(files);
  }
}
