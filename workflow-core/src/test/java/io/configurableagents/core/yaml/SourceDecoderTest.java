package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceDecoderTest {

  @Test
  void utf8IsDecodedAndItsBomDropped() {
    byte[] bytes = ("\uFEFFname: caf\u00e9").getBytes(StandardCharsets.UTF_8);
    assertThat(SourceDecoder.decode("w.yaml", bytes)).isEqualTo(new SourceDecoder.Text("name: caf\u00e9"));
  }

  @Test
  void invalidUtf8IsReportedAtItsLineAndColumn() {
    byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xE9, 't', 'e'};
    assertThat(SourceDecoder.decode("w.yaml", bytes)).isInstanceOfSatisfying(SourceDecoder.Refused.class, r ->
        assertThat(r.diagnostic()).hasToString("w.yaml:2:4: error: not valid UTF-8 (byte 0xE9) (save the file as UTF-8)"));
  }

  @Test
  void binaryFileIsRefused() {
    byte[] bytes = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13};
    assertThat(SourceDecoder.decode("w.yaml", bytes)).isInstanceOfSatisfying(SourceDecoder.Refused.class, r ->
        assertThat(r.diagnostic().message()).startsWith("binary file"));
  }

  @Test
  void utf16IsRefusedWithAHint() {
    byte[] bytes = "a: 1".getBytes(StandardCharsets.UTF_16);
    assertThat(SourceDecoder.decode("w.yaml", bytes)).isInstanceOfSatisfying(SourceDecoder.Refused.class, r ->
        assertThat(r.diagnostic()).hasToString("w.yaml:1:1: error: file is UTF-16 encoded (save it as UTF-8)"));
  }

  @Test
  void tooLargeFileIsRefusedBeforeParsing() {
    byte[] bytes = new byte[SourceDecoder.MAX_BYTES + 1];
    java.util.Arrays.fill(bytes, (byte) 'a');
    assertThat(SourceDecoder.decode("w.yaml", bytes)).isInstanceOfSatisfying(SourceDecoder.Refused.class, r ->
        assertThat(r.diagnostic().message()).isEqualTo("file is 16.0 MB; a workflow file may be at most 16 MB"));
  }
}
