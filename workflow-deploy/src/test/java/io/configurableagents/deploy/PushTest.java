package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InsecureRegistryException;
import java.net.ConnectException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What push checks before it builds, which registries may be plain HTTP, and what its failures say. */
class PushTest {
  @TempDir Path dir;
  private final HelpfulSuggestions suggestions = new HelpfulSuggestions();

  private DeployRequest request(String image, String base, boolean allowInsecure) {
    DeployRequest.Builder builder = TestRequests.request(dir).toBuilder()
        .baseImage(BaseImage.parse(base, Optional.empty(), dir, suggestions))
        .allowInsecureRegistries(allowInsecure);
    return (image == null ? builder : builder.image(image)).build();
  }

  @Test
  void pushNeedsAnImageThatNamesARegistry() {
    DeployRequest unnamed = request(null, "jlink", false);

    assertThatThrownBy(() -> new Pusher(null, suggestions, DeployLog.SILENT).push(unnamed))
        .isInstanceOf(DeployException.class)
        .hasMessage("Which registry? The image is ticket-triage:1.0.0 (the default), which names no registry to push"
            + " to; perhaps you should name the target with the image setting"
            + " (image=registry.example.com/team/ticket-triage:1.0.0)");
  }

  @Test
  void aTagThatDockerWouldRefuseIsRefusedBeforeTheBuild() {
    DeployRequest request = request("registry.example.com/team/flow:1.0", "jlink", false).toBuilder()
        .tags(List.of("latest", "-bad")).build();

    assertThatThrownBy(() -> request.validate(suggestions))
        .hasMessageStartingWith("Invalid tags '-bad': a tag is up to 128 letters");
  }

  @Test
  void plainHttpOnlyWhenEveryRegistryOfTheBuildIsOnThisMachine() {
    assertThat(ImageBuilder.allowsInsecure(request("127.0.0.1:5000/flow:1", "jlink", false),
        Optional.of("127.0.0.1:5000"))).isTrue();
    assertThat(ImageBuilder.allowsInsecure(request("localhost:5000/flow:1", "localhost:5001/jre:21", false),
        Optional.of("localhost:5000"))).isTrue();
    assertThat(ImageBuilder.allowsInsecure(request("registry.example.com/flow:1", "jlink", false),
        Optional.of("registry.example.com"))).isFalse();
    // a base from elsewhere keeps it off: Jib's permission would cover that registry too
    assertThat(ImageBuilder.allowsInsecure(request("127.0.0.1:5000/flow:1", "eclipse-temurin:21-jre", false),
        Optional.of("127.0.0.1:5000"))).isFalse();
    assertThat(ImageBuilder.allowsInsecure(request("registry.example.com/flow:1", "eclipse-temurin:21-jre", true),
        Optional.of("registry.example.com"))).isTrue();
    // deploy: only the base's registry counts
    assertThat(ImageBuilder.allowsInsecure(request(null, "localhost:5000/jre:21", false), Optional.empty())).isTrue();
    assertThat(ImageBuilder.allowsInsecure(request(null, "jlink", false), Optional.empty())).isFalse();
  }

  @Test
  void aRegistryWithoutTrustedHttpsIsExplainedWithTheSettingThatAllowsIt() throws Exception {
    DeployRequest request = request("registry.example.com/team/flow:1.0", "jlink", false);
    DeployException jib = DeployException.environment("Jib could not build",
        new InsecureRegistryException(new URL("https://registry.example.com/v2/"), new SSLException("bad certificate")));

    DeployException explained = PushFailures.explain(jib, ImageReference.parse(request.image()), request, suggestions);

    assertThat(explained.userMessage())
        .startsWith("The registry registry.example.com could not be reached over HTTPS with a certificate Java trusts")
        .contains("only used when every registry of the build is on this machine")
        .endsWith("allow it with the allowInsecureRegistries setting (allowInsecureRegistries=true)");
  }

  @Test
  void aRegistryThatDoesNotAnswerIsNamed() throws Exception {
    DeployRequest request = request("registry.example.com:5000/team/flow:1.0", "jlink", false);
    DeployException jib = DeployException.environment("Jib could not build", new ConnectException("Connection refused"));

    assertThat(PushFailures.explain(jib, ImageReference.parse(request.image()), request, suggestions).userMessage())
        .startsWith("The registry registry.example.com:5000 cannot be reached (ConnectException: Connection refused)");
  }

  @Test
  void theRecordNamesTheImageByDigestInItsOwnRepository() {
    String digest = "sha256:" + "0f".repeat(32);

    assertThat(new PushedImage("registry.example.com:5000/team/flow:1.0", digest, List.of()).byDigest())
        .isEqualTo("registry.example.com:5000/team/flow@" + digest);
    assertThat(new PushedImage("localhost:5000/flow", digest, List.of()).byDigest())
        .isEqualTo("localhost:5000/flow@" + digest);
  }
}
