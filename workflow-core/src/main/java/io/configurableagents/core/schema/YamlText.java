package io.configurableagents.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.CoreScalarResolver;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * A JSON tree as block-style YAML, keys in the tree's order, long lines never folded. Strings that a
 * YAML 1.1 reader (SnakeYAML 1.x, PyYAML, most OpenAPI tools) would take for something else
 * ({@code yes}, {@code on}, {@code 012}, {@code 1_000}, {@code 2024-01-01}...) are quoted, so every
 * reader gets back the same JSON values.
 */
final class YamlText {
  private static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setIndent(2)
          .setSplitLines(false)
          .setWidth(Integer.MAX_VALUE)
          .setSchema(new Yaml11CarefulSchema())
          .build();

  private YamlText() {}

  static String of(JsonNode tree) {
    return new Dump(SETTINGS).dumpToString(plain(tree));
  }

  /** The tree as Java maps, lists and scalars, in order. */
  private static Object plain(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(e -> list.add(plain(e)));
      return list;
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }

  /** The YAML 1.2 core schema, plus: a string that YAML 1.1 would not read as a string resolves to non-string. */
  private static final class Yaml11CarefulSchema implements Schema {
    /** Booleans, nulls, numbers, dates, sexagesimals, merge and value keys of YAML 1.1, loosely. */
    private static final Pattern YAML11_NON_STRING =
        Pattern.compile("(?i)(|y|n|yes|no|on|off|true|false|null|~|<<|=|[-+.]?[0-9].*|[-+]?\\.(inf|nan))");

    private final ScalarResolver core = new CoreScalarResolver(false);
    private final Schema coreSchema = new CoreSchema();

    @Override
    public ScalarResolver getScalarResolver() {
      return (value, implicit) -> {
        Tag tag = core.resolve(value, implicit);
        boolean looksOtherwise = implicit && tag.equals(Tag.STR) && YAML11_NON_STRING.matcher(value).matches();
        return looksOtherwise ? Tag.NULL : tag;
      };
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
      return coreSchema.getSchemaTagConstructors();
    }
  }
}
