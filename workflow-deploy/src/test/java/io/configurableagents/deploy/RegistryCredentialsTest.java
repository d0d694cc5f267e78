package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.CredentialRetriever;
import com.google.cloud.tools.jib.api.ImageReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryCredentialsTest {
  @TempDir Path home;
  private final List<String> askedFor = new ArrayList<>();

  private RegistryCredentials.Logins logins(Map<String, RegistryLogin> byId) {
    return id -> {
      askedFor.add(id);
      return Optional.ofNullable(byId.get(id));
    };
  }

  private static Optional<Credential> first(RegistryCredentials credentials, String image) throws Exception {
    for (CredentialRetriever retriever : credentials.retrievers(ImageReference.parse(image), DeployLog.SILENT)) {
      Optional<Credential> credential = retriever.retrieve();
      if (credential.isPresent()) {
        return credential;
      }
    }
    return Optional.empty();
  }

  private void dockerConfig(Path dir, String registry, String user, String password) throws Exception {
    Files.createDirectories(dir);
    String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("config.json"), "{\"auths\": {\"" + registry + "\": {\"auth\": \"" + auth + "\"}}}");
  }

  @Test
  void theFrontEndsLoginForTheRegistryComesFirst() throws Exception {
    dockerConfig(home.resolve(".docker"), "registry.example.com:5000", "docker-user", "docker-password");
    RegistryCredentials credentials = RegistryCredentials.of(logins(Map.of("registry.example.com:5000",
        new RegistryLogin("settings-user", "settings-password", "the settings.xml server"))), Map.of(), home);

    Optional<Credential> credential = first(credentials, "registry.example.com:5000/team/flow:1.0");

    assertThat(credential).map(Credential::getUsername).hasValue("settings-user");
    assertThat(credential).map(Credential::getPassword).hasValue("settings-password");
  }

  @Test
  void aLoginStoredUnderTheHostAloneServesEveryPortOfIt() throws Exception {
    RegistryCredentials credentials = RegistryCredentials.of(logins(Map.of("registry.example.com",
        new RegistryLogin("host-user", "p", "the settings.xml server"))), Map.of(), home);

    assertThat(first(credentials, "registry.example.com:5000/team/flow:1.0")).map(Credential::getUsername)
        .hasValue("host-user");
    assertThat(askedFor).containsExactly("registry.example.com:5000", "registry.example.com");
  }

  @Test
  void withoutALoginDockersConfigAnswersAsJibReadsIt() throws Exception {
    dockerConfig(home.resolve(".docker"), "registry.example.com", "docker-user", "docker-password");
    RegistryCredentials credentials = RegistryCredentials.of(logins(Map.of()), Map.of(), home);

    assertThat(first(credentials, "registry.example.com/team/flow:1.0")).map(Credential::getUsername)
        .hasValue("docker-user");
    assertThat(first(credentials, "other.example.com/team/flow:1.0")).isEmpty();
  }

  @Test
  void dockerConfigTheVariableComesBeforeTheHomeDirectory() throws Exception {
    dockerConfig(home.resolve(".docker"), "registry.example.com", "home-user", "p");
    Path elsewhere = home.resolve("elsewhere");
    dockerConfig(elsewhere, "registry.example.com", "variable-user", "p");
    RegistryCredentials credentials = RegistryCredentials.of(logins(Map.of()),
        Map.of("DOCKER_CONFIG", elsewhere.toString()), home);

    assertThat(first(credentials, "registry.example.com/team/flow:1.0")).map(Credential::getUsername)
        .hasValue("variable-user");
  }

  @Test
  void aLoginNeverShowsItsPassword() {
    assertThat(new RegistryLogin("user", "s3cret-value", "the settings.xml server \"ghcr.io\"").toString())
        .doesNotContain("s3cret-value")
        .contains("user", "ghcr.io");
  }
}
