package io.configurableagents.runtime.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * What a client derives from a request's output schema (the provider's native form of it, whether
 * strict mode applies), made once per schema and then reused by every request that carries the
 * same schema instance: a node's schema is built once when the workflow is compiled and never
 * modified ({@link LlmRequest}), so converting it again on every request would only burn CPU.
 *
 * <p>Keyed by the schema's identity and the schema name; an identity lookup costs nothing, unlike
 * hashing the schema's content. At most {@value #MAX_SCHEMAS} schemas are kept (a workflow has a
 * handful); beyond that the value is made per request, as before.
 */
final class PerSchema<T> {
  static final int MAX_SCHEMAS = 1024;

  private final BiFunction<String, ObjectNode, T> derive;
  private final ConcurrentMap<Key, T> derived = new ConcurrentHashMap<>();

  PerSchema(BiFunction<String, ObjectNode, T> derive) {
    this.derive = derive;
  }

  T of(LlmRequest request) {
    Key key = new Key(request.schemaName(), request.outputSchema());
    T value = derived.get(key);
    if (value == null) {
      value = derive.apply(request.schemaName(), request.outputSchema());
      if (derived.size() < MAX_SCHEMAS) {
        T raced = derived.putIfAbsent(key, value);
        value = raced == null ? value : raced;
      }
    }
    return value;
  }

  /** The schema by identity, the name by value. */
  private record Key(String name, ObjectNode schema) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && k.schema == schema && k.name.equals(name);
    }

    @Override
    public int hashCode() {
      return 31 * System.identityHashCode(schema) + name.hashCode();
    }
  }
}
