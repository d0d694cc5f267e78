package io.configurableagents.core.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tree as a JSON-model value: maps (insertion ordered), lists, strings, numbers, booleans, null. */
final class JsonValues {
  private JsonValues() {}

  static Object of(YamlNode node) {
    if (node instanceof YamlNode.Mapping m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (YamlNode.Entry e : m.entries()) {
        map.put(e.key().text(), of(e.value()));
      }
      return Collections.unmodifiableMap(map);
    }
    if (node instanceof YamlNode.Sequence s) {
      List<Object> list = new ArrayList<>(s.items().size());
      for (YamlNode item : s.items()) {
        list.add(of(item));
      }
      return Collections.unmodifiableList(list);
    }
    return ((YamlNode.Scalar) node).value().orElse(null);
  }
}
