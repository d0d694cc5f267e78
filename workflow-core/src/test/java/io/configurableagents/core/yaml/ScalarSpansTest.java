package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.validate.SourceLines;
import org.junit.jupiter.api.Test;

class ScalarSpansTest {

  private static YamlNode.Scalar value(String text, String key) {
    ReadResult result = new YamlTreeReader("w.yaml", text, SourceLines.of(text)).read();
    return (YamlNode.Scalar) ((YamlNode.Mapping) result.root().orElseThrow()).get(key).orElseThrow();
  }

  @Test
  void plainScalarMapsOffsetsToColumns() {
    YamlNode.Scalar s = value("logic: state.x > 1\n", "logic");
    assertThat(s.span().isPrecise()).isTrue();
    assertThat(s.span().at(6)).hasToString("w.yaml:1:14");
  }

  @Test
  void quotedScalarSkipsTheQuote() {
    YamlNode.Scalar s = value("c: \"{state.score} >= 8\"\n", "c");
    assertThat(s.span().at(0)).hasToString("w.yaml:1:5");
    assertThat(s.span().at(18)).hasToString("w.yaml:1:23");
  }

  @Test
  void quotedScalarWithEscapesFallsBackToItsStart() {
    YamlNode.Scalar s = value("c: \"a\\tb {x}\"\n", "c");
    assertThat(s.span().isPrecise()).isFalse();
    assertThat(s.span().at(5)).hasToString("w.yaml:1:4");
  }

  @Test
  void literalBlockMapsEachLine() {
    String text = "prompt: |\n  Hello {name},\n\n    indented {x}\n  end\n";
    YamlNode.Scalar prompt = value(text, "prompt");
    assertThat(prompt.text()).isEqualTo("Hello {name},\n\n  indented {x}\nend\n");
    assertThat(prompt.span().at(prompt.text().indexOf("{name}"))).hasToString("w.yaml:2:9");
    assertThat(prompt.span().at(prompt.text().indexOf("{x}"))).hasToString("w.yaml:4:14");
    assertThat(prompt.span().at(prompt.text().indexOf("end"))).hasToString("w.yaml:5:3");
  }

  @Test
  void foldedBlockFallsBackToItsStart() {
    YamlNode.Scalar s = value("prompt: >\n  a {x}\n  b\n", "prompt");
    assertThat(s.span().isPrecise()).isFalse();
    assertThat(s.span().at(2)).hasToString("w.yaml:1:9");
  }

  @Test
  void multiLinePlainScalarFallsBackToItsStart() {
    YamlNode.Scalar s = value("prompt: a {x}\n  b\n", "prompt");
    assertThat(s.span().isPrecise()).isFalse();
  }
}
