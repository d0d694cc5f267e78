package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.validate.Diagnostic;
import io.configurableagents.core.validate.SourceLines;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlTreeReaderTest {

  private static ReadResult read(String text) {
    return new YamlTreeReader("w.yaml", text, SourceLines.of(text)).read();
  }

  private static YamlNode.Scalar valueOf(String yamlValue) {
    ReadResult result = read("k: " + yamlValue + "\n");
    assertThat(result.diagnostics()).isEmpty();
    return (YamlNode.Scalar) ((YamlNode.Mapping) result.root().orElseThrow()).get("k").orElseThrow();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "1.0|FLOAT", "yes|BOOL", "No|BOOL", "on|BOOL", "OFF|BOOL", "true|BOOL", "1e5|STRING", "1.0e+5|FLOAT",
        "'1.0'|STRING", "\"yes\"|STRING", "017|INT", "0x1F|INT", "0b101|INT", "1:30|INT", "1_000|INT", "~|NULL",
        "null|NULL", "Null|NULL", "2024-01-01|TIMESTAMP", ".inf|FLOAT", ".NaN|FLOAT", "0o17|STRING", "y|STRING",
        "1.0.0|STRING", "+5|INT", ".5|FLOAT", "1.|FLOAT"
      })
  void plainScalarsResolveAsPyYamlResolvesThem(String yamlValue, YamlNode.Kind kind) {
    assertThat(valueOf(yamlValue).kind()).isEqualTo(kind);
  }

  @Test
  void scalarValuesAreConstructedAsPyYamlConstructsThem() {
    assertThat(valueOf("017").value()).contains(15L);
    assertThat(valueOf("0x1F").value()).contains(31L);
    assertThat(valueOf("1:30").value()).contains(90L);
    assertThat(valueOf("1_000").value()).contains(1000L);
    assertThat(valueOf("-0b11").value()).contains(-3L);
    assertThat(valueOf("1.5").value()).contains(1.5);
    assertThat(valueOf("1:30.5").value()).contains(90.5);
    assertThat(valueOf("-.inf").value()).contains(Double.NEGATIVE_INFINITY);
    assertThat(valueOf("on").value()).contains(true);
    assertThat(valueOf("No").value()).contains(false);
    assertThat(valueOf("~").value()).isEmpty();
    assertThat(valueOf("99999999999999999999").value()).contains(new BigInteger("99999999999999999999"));
  }

  @Test
  void emptyValueIsNull() {
    ReadResult result = read("k:\n");
    assertThat(((YamlNode.Mapping) result.root().orElseThrow()).get("k").orElseThrow())
        .isInstanceOfSatisfying(YamlNode.Scalar.class, s -> assertThat(s.kind()).isEqualTo(YamlNode.Kind.NULL));
  }

  @Test
  void explicitTagsWin() {
    assertThat(valueOf("!!str 1.0").kind()).isEqualTo(YamlNode.Kind.STRING);
    assertThat(valueOf("!!float 1").value()).contains(1.0);
  }

  @Test
  void keysAndValuesKeepTheirPositions() {
    ReadResult result = read("a: 1\nb:\n  c:   x\n");
    YamlNode.Mapping root = (YamlNode.Mapping) result.root().orElseThrow();
    YamlNode.Entry b = root.entry("b").orElseThrow();
    assertThat(b.key().at()).hasToString("w.yaml:2:1");
    YamlNode.Entry c = ((YamlNode.Mapping) b.value()).entry("c").orElseThrow();
    assertThat(c.key().at()).hasToString("w.yaml:3:3");
    assertThat(c.value().at()).hasToString("w.yaml:3:8");
  }

  @Test
  void duplicateKeyIsAnErrorAtTheSecondKey() {
    ReadResult result = read("a: 1\nb: 2\na: 3\n");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.isError()).isTrue();
      assertThat(d.location()).hasToString("w.yaml:3:1");
      assertThat(d.message()).isEqualTo("duplicate key \"a\" (first at line 1)");
    });
    assertThat(((YamlNode.Mapping) result.root().orElseThrow()).get("a").map(YamlNode::at).map(Object::toString))
        .contains("w.yaml:1:4");
  }

  @Test
  void duplicateKeysAreFoundInNestedFlowMappings() {
    ReadResult result = read("edges:\n  - {from: a, to: b, to: c}\n");
    assertThat(result.diagnostics()).extracting(Diagnostic::toString)
        .containsExactly("w.yaml:2:22: error: duplicate key \"to\" (first at line 2) (remove one of them: YAML would silently keep only one)");
  }

  @Test
  void malformedYamlReportsTheParserPosition() {
    ReadResult result = read("a: 1\nb: [1, 2\nc: 3\n");
    assertThat(result.root()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).startsWith("invalid YAML: ");
      assertThat(d.location().line()).isEqualTo(3);
    });
  }

  @Test
  void badIndentationReportsItsLine() {
    ReadResult result = read("flow:\n  name: x\n description: y\n");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.location().line()).isEqualTo(3));
  }

  @Test
  void tabIndentationIsReported() {
    ReadResult result = read("flow:\n\tname: x\n");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location().line()).isEqualTo(2);
      assertThat(d.message()).contains("tab");
    });
  }

  @Test
  void aliasBombIsRefusedQuickly() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      bomb.append("]\n");
    }
    long start = System.nanoTime();
    ReadResult result = read(bomb.toString());
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
    assertThat(result.root()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("alias bomb");
      assertThat(d.location().line()).isBetween(2, 10);
    });
  }

  @Test
  void aliasesBelowTheLimitThatStillExpandHugelyAreRefused() {
    StringBuilder text = new StringBuilder("l0: &l0 [" + "x,".repeat(999) + "x]\n");
    for (int level = 1; level <= 3; level++) {
      text.append("l").append(level).append(": &l").append(level).append(" [");
      for (int i = 0; i < 30; i++) {
        text.append(i == 0 ? "" : ",").append("*l").append(level - 1);
      }
      text.append("]\n");
    }
    ReadResult result = read(text.toString());
    assertThat(result.root()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("aliases expand"));
  }

  @Test
  void aFewAliasesAreFine() {
    ReadResult result = read("base: &llm {provider: openai, model: gpt-4o}\nother: *llm\nmerged:\n  <<: *llm\n  model: x\n");
    assertThat(result.diagnostics()).isEmpty();
    YamlNode.Mapping merged = (YamlNode.Mapping) ((YamlNode.Mapping) result.root().orElseThrow()).get("merged").orElseThrow();
    assertThat(merged.entries()).extracting(e -> e.key().text()).containsExactly("model", "provider");
  }

  @Test
  void recursiveAliasIsRefused() {
    ReadResult result = read("a: &a [1, *a]\n");
    assertThat(result.root()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("recursive alias"));
  }

  @Test
  void deepNestingIsRefusedWithoutOverflowingTheStack() {
    String deep = "a: " + "[".repeat(50_000) + "]".repeat(50_000) + "\n";
    ReadResult result = read(deep);
    assertThat(result.root()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("nesting deeper than 100 levels");
      assertThat(d.location()).hasToString("w.yaml:1:103");
    });
  }

  @Test
  void deepBlockNestingIsRefusedToo() {
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      deep.append(" ".repeat(i)).append("k").append(i).append(":\n");
    }
    ReadResult result = read(deep.toString());
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.message()).contains("nesting deeper"));
  }

  @Test
  void unsupportedTagIsAnError() {
    ReadResult result = read("a: !!python/object:os.system ls\n");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).isEqualTo("unsupported tag !!python/object:os.system");
      assertThat(d.location()).hasToString("w.yaml:1:4");
    });
  }

  @Test
  void nonPrintableCharacterIsReportedAtItsPosition() {
    ReadResult result = read("a: 1\nb: x\u0007y\n");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.message()).contains("U+0007");
      assertThat(d.location()).hasToString("w.yaml:2:5");
    });
  }

  @Test
  void severalDocumentsAreAnError() {
    ReadResult result = read("a: 1\n---\nb: 2\n");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.location().line()).isEqualTo(2));
  }

  @Test
  void emptyDocumentHasNoRoot() {
    assertThat(read("# just a comment\n")).isEqualTo(new ReadResult(Optional.empty(), java.util.List.of()));
  }

  @Test
  void nonScalarKeyIsReportedAtTheKey() {
    ReadResult result = read("? [a, b]\n: 1\nc: 2\n");
    assertThat(result.diagnostics()).singleElement().satisfies(d -> assertThat(d.location()).hasToString("w.yaml:1:3"));
  }
}
