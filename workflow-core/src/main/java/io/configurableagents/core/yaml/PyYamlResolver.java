package io.configurableagents.core.yaml;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Plain-scalar resolution as PyYAML's {@code SafeLoader} does it (YAML 1.1), so that a file means
 * here what it meant to the reference: {@code 1.0} is a float, {@code yes/no/on/off} are booleans,
 * {@code 1e5} is a string (a YAML 1.1 float needs a dot), {@code 0o17} is a string and
 * {@code 017} an octal int, {@code 1:30} a sexagesimal int, {@code 2024-01-01} a date.
 */
final class PyYamlResolver implements ScalarResolver, Schema {
  static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");

  private static final Pattern BOOL =
      Pattern.compile("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  private static final Pattern FLOAT =
      Pattern.compile(
          "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?"
              + "|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
              + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)"
              + "|\\.(?:nan|NaN|NAN)");
  private static final Pattern INT =
      Pattern.compile(
          "[-+]?0b[0-1_]+"
              + "|[-+]?0[0-7_]+"
              + "|[-+]?(?:0|[1-9][0-9_]*)"
              + "|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern MERGE = Pattern.compile("<<");
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
  private static final Pattern DATE =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}"
              + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
              + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");

  private static final Map.Entry<Tag, Pattern> BOOL_R = Map.entry(Tag.BOOL, BOOL);
  private static final Map.Entry<Tag, Pattern> FLOAT_R = Map.entry(Tag.FLOAT, FLOAT);
  private static final Map.Entry<Tag, Pattern> INT_R = Map.entry(Tag.INT, INT);
  private static final Map.Entry<Tag, Pattern> NULL_R = Map.entry(Tag.NULL, NULL);
  private static final Map.Entry<Tag, Pattern> DATE_R = Map.entry(TIMESTAMP, DATE);

  /**
   * The resolvers that apply to a value by its first character, in PyYAML's order of registration
   * (which decides ties), as PyYAML's {@code add_implicit_resolver(tag, regexp, first)} keys them.
   */
  private static List<Map.Entry<Tag, Pattern>> candidates(char first) {
    return switch (first) {
      case 'y', 'Y', 't', 'T', 'f', 'F', 'o', 'O' -> List.of(BOOL_R);
      case 'n', 'N' -> List.of(BOOL_R, NULL_R);
      case '-', '+', '.' -> List.of(FLOAT_R, INT_R);
      case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> List.of(FLOAT_R, INT_R, DATE_R);
      case '<' -> List.of(Map.entry(Tag.MERGE, MERGE));
      case '~' -> List.of(NULL_R);
      default -> List.of();
    };
  }

  @Override
  public Tag resolve(String value, Boolean implicit) {
    if (!implicit) {
      return Tag.STR;
    }
    if (value.isEmpty()) {
      return Tag.NULL;
    }
    for (Map.Entry<Tag, Pattern> resolver : candidates(value.charAt(0))) {
      if (resolver.getValue().matcher(value).matches()) {
        return resolver.getKey();
      }
    }
    return Tag.STR;
  }

  @Override
  public ScalarResolver getScalarResolver() {
    return this;
  }

  @Override
  public Map<Tag, ConstructNode> getSchemaTagConstructors() {
    return Map.of();
  }
}
