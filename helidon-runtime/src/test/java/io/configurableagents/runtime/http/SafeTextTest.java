package io.configurableagents.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Messages as Jackson 2.21 words them, made fit for a client. */
class SafeTextTest {

  @Test
  void limitsKeepTheirFiguresButNotWhereTheyComeFrom() {
    assertThat(SafeText.of("Document nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"))
        .hasValue("Document nesting depth (1001) exceeds the maximum allowed (1000)");
  }

  @Test
  void asidesAndClausesNamingFeaturesAreDropped() {
    assertThat(
            SafeText.of(
                "Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)"))
        .hasValue("Unexpected character ('/' (code 47)): maybe a (non-standard) comment?");
    assertThat(SafeText.of("Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
        .hasValue("Non-standard token 'NaN'");
    assertThat(
            SafeText.of(
                "Unexpected end-of-input: expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])"))
        .hasValue("Unexpected end-of-input: expected close marker for Object");
  }

  @Test
  void plainMessagesStayAsTheyAreOnOneLineAndShort() {
    assertThat(SafeText.of("Transfer-Encoding and Content-Length headers must not be combined"))
        .hasValue("Transfer-Encoding and Content-Length headers must not be combined");
    assertThat(SafeText.of("first line\n at [Source: x]")).hasValue("first line");
    assertThat(SafeText.of("x".repeat(500)).orElseThrow()).hasSize(SafeText.MAX_LENGTH + 3).endsWith("...");
    assertThat(SafeText.of("`internal`")).isEmpty();
    assertThat(SafeText.of(null)).isEmpty();
  }
}
