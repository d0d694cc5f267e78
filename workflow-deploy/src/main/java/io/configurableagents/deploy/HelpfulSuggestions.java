package io.configurableagents.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every piece of advice the deploy layer gives, in one place. A message states the fact, then
 * "perhaps you should" and the fix. Front ends subclass it to name their own settings (Maven:
 * {@code -Dworkflow.port=...} and {@code <port>}); see {@link #howToSet}.
 */
public class HelpfulSuggestions {

  /** How the user changes {@code setting}, e.g. {@code -Dworkflow.port=8001}. */
  protected String howToSet(Setting setting, String exampleValue) {
    return "the " + setting.parameterName() + " setting (" + setting.parameterName() + "=" + exampleValue + ")";
  }

  /** Advice to deploy first, naming how (e.g. {@code mvn workflow:deploy}). */
  protected String howToDeploy() {
    return "deploy it first";
  }

  /** How the user gives credentials for {@code registry} (Maven: a settings.xml server). */
  protected String howToLogIn(String registry) {
    return "log in with 'docker login " + registry + "'";
  }

  /** "30 s", or "0.3 s" below a second. */
  static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  private static String suggest(String fact, String fix) {
    return fact + "; perhaps you should " + fix;
  }

  public DeployException dockerNotInstalled(String executable) {
    return DeployException.environment(suggest(
        "Docker is not installed: the command '" + executable + "' was not found",
        "install Docker Engine (https://docs.docker.com/engine/install/, on Debian: apt-get install docker.io) "
            + "and make sure 'docker' is on the PATH"));
  }

  public DeployException dockerDaemonNotRunning(String host, boolean fromDockerHost) {
    String fix = fromDockerHost
        ? "point DOCKER_HOST at a running daemon, or unset it to use the default socket"
        : "start it (sudo systemctl start docker, or open Docker Desktop) and check with 'docker version'";
    return DeployException.environment(suggest(
        "The Docker daemon is not running: there is no daemon socket at " + host
            + (fromDockerHost ? " (it comes from DOCKER_HOST)" : ""),
        fix));
  }

  public DeployException dockerSocketRefused(String host, boolean fromDockerHost) {
    String fix = fromDockerHost
        ? "point DOCKER_HOST at a running daemon, or unset it to use the default socket"
        : "restart the daemon (sudo systemctl restart docker) and check with 'docker version'";
    return DeployException.environment(suggest(
        "The Docker daemon socket " + host + " refused the connection: no daemon listens on it any more"
            + (fromDockerHost ? " (it comes from DOCKER_HOST)" : ""),
        fix));
  }

  public DeployException dockerPermissionDenied(String host) {
    return DeployException.environment(suggest(
        "Permission denied on the Docker daemon socket " + host,
        "add your user to the docker group (sudo usermod -aG docker $USER, then log in again)"));
  }

  public DeployException dockerTimedOut(String command, Duration timeout) {
    return DeployException.environment(suggest(
        "'" + command + "' did not answer within " + seconds(timeout),
        "check that the Docker daemon is healthy ('docker info') and that DOCKER_HOST points at it"));
  }

  public DeployException dockerFailed(String command, String reason) {
    return DeployException.environment("'" + command + "' failed: " + reason);
  }

  public DeployException portInUse(int port, Setting setting, String otherWay) {
    return DeployException.userError(suggest(
        "Port " + port + " on this machine is already in use",
        "stop what listens there, or choose another port with " + howToSet(setting, String.valueOf(port + 1))
            + otherWay));
  }

  /** On the host network nothing is published, so the bind addresses do not apply. */
  public String hostNetworkPublishesEverywhere(boolean tracesOn) {
    return suggest("On the host network nothing is published: the runtime listens on every interface of this machine, "
            + "and the " + Setting.BIND.parameterName() + " and " + Setting.TRACES_BIND.parameterName()
            + " settings do not apply" + (tracesOn ? " (the traces page, with prompts and answers, too)" : ""),
        tracesOn ? "turn the traces page off with " + howToSet(Setting.TRACES_PORT, "0")
            + ", or use a Docker network other than host" : "use a Docker network other than host");
  }

  public String tracesOffHint() {
    return ", or turn the traces page off with " + howToSet(Setting.TRACES_PORT, "0");
  }

  public DeployException nameInUse(String name, String state) {
    return DeployException.userError(suggest(
        "A container named '" + name + "' already exists (" + state + ")",
        "redeploy over it with " + howToSet(Setting.REPLACE, "true")
            + " (it keeps the data volume " + name + "-data), or remove it with 'docker rm -f " + name + "'"));
  }

  public DeployException envFileMissing(Path file) {
    return DeployException.userError(suggest(
        "Environment file not found: " + file,
        "create it (copy .env.example from the generated files), fix " + howToSet(Setting.ENV_FILE, file.toString())
            + ", or deploy without one using " + howToSet(Setting.SKIP_ENV_FILE, "true")));
  }

  public String defaultEnvFileMissing(Path file, Path example) {
    return "No environment file at " + file + ": the container starts without provider keys; perhaps you should"
        + " copy " + example + " to " + file + " and fill in the values";
  }

  public String envFileSkipped() {
    return "No environment file (" + Setting.SKIP_ENV_FILE.parameterName() + "): the container gets no provider"
        + " keys; set them yourself, e.g. docker run -e OPENAI_API_KEY=... ";
  }

  /** @param file the env file, as the user knows it */
  public DeployException envLineWithSpaceInName(String file, int line) {
    return DeployException.userError(suggest(
        file + " line " + line + ": the variable name (before '=') contains a space, which docker run rejects"
            + " (and Docker's own message would print the line)",
        "write it as NAME=value, without 'export' or spaces around the name"));
  }

  public DeployException invalidSetting(Setting setting, String value, String rule, String example) {
    return DeployException.userError(suggest(
        "Invalid " + setting.parameterName() + " '" + value + "': " + rule, "use " + howToSet(setting, example)));
  }

  public DeployException notHealthy(String name, Duration timeout, String logs) {
    return DeployException.environment(suggest(
        "Container '" + name + "' did not answer GET /health within " + seconds(timeout) + ". Its last log lines:\n"
            + logs,
        "read the log above; if it is only slow to start, allow more with " + howToSet(Setting.READY_TIMEOUT, "120")));
  }

  public DeployException exited(String name, String state, String logs) {
    return DeployException.environment(suggest(
        "Container '" + name + "' stopped before it was healthy (" + state + "). Its last log lines:\n" + logs,
        "read the log above; the data volume " + name + "-data and the container are kept for 'docker logs " + name + "'"));
  }

  public DeployException jlinkNeedsNewerJdk(Path home, String version) {
    return DeployException.userError(suggest(
        "The jlink base needs a JDK 21 or newer, but " + home + " is Java " + version,
        "point " + howToSet(Setting.JLINK_JDK, "/usr/lib/jvm/temurin-21-jdk-amd64") + " at a JDK 21+ home"));
  }

  public DeployException notAJdk(Path home) {
    return DeployException.userError(suggest(
        home + " is not a JDK with jlink (no bin/jlink or release file)",
        "point " + howToSet(Setting.JLINK_JDK, "/usr/lib/jvm/temurin-21-jdk-amd64") + " at a full JDK, not a JRE"));
  }

  public DeployException jlinkMakesOnlyThisPlatform(ImagePlatform requested, ImagePlatform thisMachine) {
    return DeployException.userError(suggest(
        "The jlink base is made from this machine's JDK and libraries, which run on " + thisMachine + " only, not on "
            + requested,
        "build on a multi-platform registry base instead, e.g. " + howToSet(Setting.BASE_IMAGE, "eclipse-temurin:21-jre")
            + ", or leave " + Setting.PLATFORM.parameterName() + " unset"));
  }

  public String platformNotTheDaemons(ImagePlatform image, ImagePlatform daemon) {
    return suggest("The image is for " + image + " and the Docker daemon runs " + daemon + " images: it starts only where"
            + " the daemon emulates " + image + " (Docker Desktop does, with QEMU)",
        "leave " + Setting.PLATFORM.parameterName() + " unset to build for the daemon's platform");
  }

  public DeployException baseNotCachedOffline(String baseImage, Path cache) {
    return DeployException.environment(suggest(
        "Offline, and the base image " + baseImage + " is not in the cache " + cache + ": it has never been pulled"
            + " into it (for this platform)",
        "build once with the network (" + offlineSwitch() + " off) to cache it, or build on a base that needs no"
            + " registry, e.g. " + howToSet(Setting.BASE_IMAGE, "jlink")));
  }

  public DeployException pushNeedsTheNetwork(String image) {
    return DeployException.userError(suggest("Offline, and pushing " + image + " to its registry needs the network",
        "push without " + offlineSwitch()));
  }

  /** How the user turns offline mode on, e.g. Maven's {@code -o}. */
  protected String offlineSwitch() {
    return "offline mode";
  }

  public DeployException jlinkNotLinux(String os) {
    return DeployException.userError(suggest(
        "The jlink base is made from this machine's JDK and libraries, which works on Linux only (this is " + os + ")",
        "use a JRE image instead, e.g. " + howToSet(Setting.BASE_IMAGE, "eclipse-temurin:21-jre")));
  }

  public DeployException noSuchContainer(String name, List<DeployedContainer> deployed) {
    if (deployed.isEmpty()) {
      return DeployException.userError(suggest(
          "No container named '" + name + "' was deployed on this Docker daemon, and no other either",
          howToDeploy()));
    }
    return DeployException.userError(suggest(
        "No container named '" + name + "' was deployed on this Docker daemon; deployed: " + list(deployed),
        "name one of them with " + howToSet(Setting.NAME, deployed.get(0).name())));
  }

  public DeployException notDeployedByUs(String name, List<DeployedContainer> deployed) {
    return DeployException.userError(suggest(
        "The container '" + name + "' was not started by a deploy of configurable-agents (it lacks the label "
            + ContainerLabels.DEPLOYED_BY + "), so it is left alone"
            + (deployed.isEmpty() ? "" : "; deployed: " + list(deployed)),
        "manage it with docker itself"
            + (deployed.isEmpty() ? "" : ", or name one of ours with " + howToSet(Setting.NAME, deployed.get(0).name()))));
  }

  /** No name given, and none could be taken from the workflow file. */
  public DeployException noContainerNamed(String why, List<DeployedContainer> deployed) {
    String example = deployed.isEmpty() ? "my-flow" : deployed.get(0).name();
    return DeployException.userError(suggest(
        "Which container? " + why + (deployed.isEmpty() ? "; none is deployed on this Docker daemon"
            : "; deployed: " + list(deployed)),
        "name it with " + howToSet(Setting.NAME, example)));
  }

  /** "a (running, flow 1.0), b (exited)". */
  static String list(List<DeployedContainer> containers) {
    return containers.stream().map(c -> c.name() + " (" + c.state()
        + c.workflowName().map(w -> ", " + w + c.workflowVersion().map(v -> " " + v).orElse("")).orElse("") + ")")
        .collect(Collectors.joining(", "));
  }

  /** The "Manage it" lines of the deploy banner: how to follow the logs, stop and remove the container. */
  public List<String> manageLines(String name, String dataVolume) {
    return List.of(
        "  logs     docker logs -f " + name,
        "  stop     docker stop " + name,
        "  remove   docker rm -f " + name + "   (the data volume stays: docker volume rm " + dataVolume + ")");
  }

  public DeployException portTakenSinceStop(String name, int port) {
    return DeployException.userError(suggest(
        "Port " + port + " on this machine, which the stopped container '" + name + "' publishes, is in use now",
        "stop what listens there, or deploy again on another port with " + howToSet(Setting.PORT, String.valueOf(port + 1))
            + " and " + howToSet(Setting.REPLACE, "true")));
  }

  /** How to remove the data volume too, for the undeploy message. */
  public String removeDataHint() {
    return "to remove it too, undeploy with " + howToSet(Setting.REMOVE_DATA, "true");
  }

  public DeployException consoleNeedsJava21(Path running, String runningVersion, List<Path> searched) {
    return DeployException.userError(suggest(
        "The console runs on Java 21 or newer, but this runs on Java " + runningVersion + " (" + running
            + ") and no Java 21+ was found in " + searched.stream().map(Path::toString).collect(Collectors.joining(", ")),
        "point " + howToSet(Setting.CONSOLE_JDK, "/usr/lib/jvm/temurin-21-jdk-amd64") + " at a Java 21+ home,"
            + " or install one (https://adoptium.net)"));
  }

  public DeployException consoleJdkTooOld(Path home, String version) {
    return DeployException.userError(suggest(
        "The console runs on Java 21 or newer, but " + home + " is Java " + version,
        "point " + howToSet(Setting.CONSOLE_JDK, "/usr/lib/jvm/temurin-21-jdk-amd64") + " at a Java 21+ home"));
  }

  public DeployException notAJavaHome(Path home) {
    return DeployException.userError(suggest(
        home + " is not a Java installation (it has no bin/java and no release file)",
        "point " + howToSet(Setting.CONSOLE_JDK, "/usr/lib/jvm/temurin-21-jdk-amd64") + " at the home directory of"
            + " a Java 21+ runtime"));
  }

  public DeployException consolePortInUse(String address, int port) {
    return DeployException.userError(suggest(
        "Port " + port + " on " + address + " is already in use (is a console running already?)",
        "open that one, stop what listens there, or choose another port with "
            + howToSet(Setting.CONSOLE_PORT, String.valueOf(port + 1))));
  }

  public DeployException volumeNotRemoved(String volume, String reason) {
    return DeployException.environment(suggest(
        "The container is removed, but its data volume " + volume + " is not: " + reason,
        "remove it with 'docker volume rm " + volume + "' once nothing uses it"));
  }

  public DeployException pushNeedsImage(String defaultImage) {
    return DeployException.userError(suggest(
        "Which registry? The image is " + defaultImage + " (the default), which names no registry to push to",
        "name the target with " + howToSet(Setting.IMAGE, "registry.example.com/team/" + defaultImage)));
  }

  public DeployException insecureRegistry(String registry, String jibMessage, Optional<String> remoteBase) {
    String fact = "The registry " + registry + " could not be reached over HTTPS with a certificate Java trusts ("
        + jibMessage + "); plain HTTP and unchecked certificates are only used when every registry of the build is on"
        + " this machine (localhost, 127.x.x.x, [::1])"
        + remoteBase.map(base -> ", and the base image comes from " + base).orElse("");
    return DeployException.environment(suggest(fact,
        "serve the registry over HTTPS with a trusted certificate, or allow it with "
            + howToSet(Setting.ALLOW_INSECURE_REGISTRIES, "true")));
  }

  public DeployException credentialsNotSentOverHttp(String registry) {
    return DeployException.environment(suggest(
        "The registry " + registry + " asks for credentials over plain HTTP, and Jib does not send them unencrypted",
        "serve it over HTTPS (a self-signed certificate will do for a registry on this machine), or, knowing that the"
            + " password then crosses the network readable, start Maven with -DsendCredentialsOverHttp=true"));
  }

  public DeployException registryUnauthorized(String registry, String repository, Optional<String> usedLogin) {
    String fact = "The registry " + registry + " refused to let you push to " + repository + " (unauthorized or denied)"
        + usedLogin.map(source -> ", with the credentials of " + source).orElse(", and no credentials were found for it");
    return DeployException.userError(suggest(fact, usedLogin.isPresent()
        ? "check the user name and password of " + usedLogin.get() + ", and that this user may push to " + repository
        : howToLogIn(registry)));
  }

  public DeployException registryUnreachable(String registry, String reason) {
    return DeployException.environment(suggest(
        "The registry " + registry + " cannot be reached (" + reason + ")",
        "check the registry part of " + howToSet(Setting.IMAGE, registry + "/team/my-flow:1.0.0")
            + " and that the registry runs"));
  }

  public DeployException unreadableLogin(String serverId, String reason) {
    return DeployException.userError(suggest(
        "The credentials for the registry " + serverId + " cannot be read: " + reason,
        "fix them (" + howToLogIn(serverId) + ")"));
  }
}
