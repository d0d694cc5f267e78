package io.configurableagents.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  private final ApiKeys keys = ApiKeys.of(List.of(" first-key ", "second-key", ""));

  @Test
  void aBearerKeyIdentifiesItsCallerByPositionNeverByValue() {
    assertThat(keys.authenticate(Optional.of("Bearer second-key"))).hasValue(new Caller("API key 2"));
    assertThat(keys.authenticate(Optional.of("bearer   first-key"))).hasValue(new Caller("API key 1"));
    assertThat(keys.count()).isEqualTo(2);
    assertThat(keys).hasToString("2 API key(s)");
  }

  @Test
  void aBrowsersBasicCredentialsCarryTheKeyAsPassword() {
    String basic = Base64.getEncoder().encodeToString("anyone:first-key".getBytes(StandardCharsets.UTF_8));

    assertThat(keys.authenticate(Optional.of("Basic " + basic))).hasValue(new Caller("API key 1"));
  }

  @Test
  void anythingElseIdentifiesNobody() {
    assertThat(keys.authenticate(Optional.empty())).isEmpty();
    assertThat(keys.authenticate(Optional.of("Bearer first-key2"))).isEmpty();
    assertThat(keys.authenticate(Optional.of("first-key"))).isEmpty();
    assertThat(keys.authenticate(Optional.of("Token first-key"))).isEmpty();
    assertThat(keys.authenticate(Optional.of("Basic not-base64!"))).isEmpty();
    assertThat(ApiKeys.NONE.required()).isFalse();
  }
}
