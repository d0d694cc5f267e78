package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {
  private static final String KEY = "sk-proj/Abc+def=ghi&0123456789";
  private final SecretRedactor redactor = SecretRedactor.forProviderKeys(Environment.of(Map.of("OPENAI_API_KEY", KEY)));

  @Test
  void theKeyIsMaskedAsItIsAndUrlEncodedInEitherCase() {
    String url = URLEncoder.encode(KEY, StandardCharsets.UTF_8);

    assertThat(redactor.redact("key " + KEY + ".")).isEqualTo("key ***.");
    assertThat(redactor.redact("GET /v1?key=" + url + "&x=1")).isEqualTo("GET /v1?key=***&x=1");
    String lowerCaseEscapes = Pattern.compile("%[0-9A-F]{2}").matcher(url).replaceAll(escape -> escape.group().toLowerCase(Locale.ROOT));
    assertThat(lowerCaseEscapes).contains("%2f");
    assertThat(redactor.redact("?key=" + lowerCaseEscapes)).isEqualTo("?key=***");
  }

  @Test
  void theKeyIsMaskedInBase64AtAnyPositionOfTheEncodedText() {
    for (String prefix : new String[] {"", "u:", "user:", "Bearer "}) {
      byte[] plain = (prefix + KEY + " and more").getBytes(StandardCharsets.UTF_8);
      String standard = Base64.getEncoder().encodeToString(plain);
      String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(plain);

      assertThat(decodable(redactor.redact(standard))).as(prefix).doesNotContain("0123456789");
      assertThat(redactor.redact(standard)).as(prefix).contains("***");
      assertThat(redactor.redact(urlSafe)).as(prefix).contains("***");
    }
  }

  @Test
  void ordinaryTextAndShortValuesAreLeftAlone() {
    SecretRedactor shortKey = SecretRedactor.forProviderKeys(Environment.of(Map.of("OPENAI_API_KEY", "abc")));

    assertThat(redactor.redact("nothing secret here: c2stcHJv")).isEqualTo("nothing secret here: c2stcHJv");
    assertThat(shortKey.redact("abcdef")).isEqualTo("abcdef");
  }

  @Test
  void aBase64RunStandsForTheKeysBytesAloneAtItsOffset() {
    byte[] key = "0123456789ab".getBytes(StandardCharsets.UTF_8);
    String whole = Base64.getEncoder().encodeToString(key);

    assertThat(SecretRedactor.base64Run(key, 0)).isEqualTo(whole);
    assertThat(Base64.getEncoder().encodeToString(("x" + "0123456789ab").getBytes(StandardCharsets.UTF_8)))
        .contains(SecretRedactor.base64Run(key, 1));
    assertThat(Base64.getEncoder().encodeToString(("xy" + "0123456789ab").getBytes(StandardCharsets.UTF_8)))
        .contains(SecretRedactor.base64Run(key, 2));
  }

  /** What is left of the key once the masked text is decoded around the mask (the encoded runs on either side). */
  private static String decodable(String masked) {
    StringBuilder plain = new StringBuilder();
    for (String run : masked.split("\\*\\*\\*")) {
      String usable = run.substring(0, run.length() - run.length() % 4);
      try {
        plain.append(new String(Base64.getDecoder().decode(usable), StandardCharsets.ISO_8859_1));
      } catch (IllegalArgumentException e) {
        // a run cut mid-padding: nothing of the key in it
      }
    }
    return plain.toString();
  }
}
