package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.validate.SourceLines;
import org.junit.jupiter.api.Test;

class JsonTreeReaderTest {

  private static ReadResult read(String text) {
    return new JsonTreeReader("w.json", text, new ScalarSpans(SourceLines.of(text))).read();
  }

  @Test
  void valuesKeepTheirKindsAndPositions() {
    ReadResult result = read("{\n  \"a\": \"1.0\",\n  \"b\": 1.0,\n  \"c\": true,\n  \"d\": null,\n  \"e\": [1, 2]\n}\n");
    assertThat(result.diagnostics()).isEmpty();
    YamlNode.Mapping root = (YamlNode.Mapping) result.root().orElseThrow();
    YamlNode.Scalar a = (YamlNode.Scalar) root.get("a").orElseThrow();
    assertThat(a.kind()).isEqualTo(YamlNode.Kind.STRING);
    assertThat(a.at()).hasToString("w.json:2:8");
    assertThat(a.span().at(1)).hasToString("w.json:2:10");
    assertThat(root.entry("b").orElseThrow().key().at()).hasToString("w.json:3:3");
    assertThat(((YamlNode.Scalar) root.get("b").orElseThrow()).value()).contains(1.0);
    assertThat(((YamlNode.Scalar) root.get("c").orElseThrow()).value()).contains(true);
    assertThat(((YamlNode.Scalar) root.get("d").orElseThrow()).kind()).isEqualTo(YamlNode.Kind.NULL);
    assertThat(((YamlNode.Sequence) root.get("e").orElseThrow()).items()).hasSize(2);
  }

  @Test
  void duplicateKeyIsAnError() {
    ReadResult result = read("{\"a\": 1,\n \"a\": 2}");
    assertThat(result.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.toString()).startsWith("w.json:2:2: error: duplicate key \"a\" (first at line 1)"));
  }

  @Test
  void malformedJsonReportsItsPosition() {
    ReadResult result = read("{\"a\": 1,\n \"b\": }");
    assertThat(result.root()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("invalid JSON: ");
      assertThat(d.location().line()).isEqualTo(2);
    });
  }

  @Test
  void deepNestingIsRefused() {
    ReadResult result = read("[".repeat(10_000) + "]".repeat(10_000));
    assertThat(result.root()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("nesting"));
  }

  @Test
  void trailingContentIsAnError() {
    ReadResult result = read("{} {}");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("more than one value"));
  }
}
