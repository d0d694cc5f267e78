package io.configurableagents.runtime.http;

import io.configurableagents.core.model.Workflow;
import io.configurableagents.core.schema.OpenApiDocument;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The OpenAPI document as the bytes {@code GET /openapi} sends, JSON and YAML, rendered once on
 * the first request rather than at start (rendering takes a good part of a second on a busy
 * machine before the JIT has warmed up, and many services are never asked for it).
 */
public final class OpenApiTexts {
  private final Supplier<Rendered> render;
  private volatile Rendered rendered;

  private record Rendered(byte[] json, byte[] yaml) {}

  private OpenApiTexts(Supplier<Rendered> render) {
    this.render = render;
  }

  /** The document of {@code workflow} served with {@code keys}, made by workflow-core on first use. */
  public static OpenApiTexts of(Workflow workflow, ApiKeys keys) {
    Objects.requireNonNull(workflow, "workflow");
    OpenApiDocument.Security security = keys.required() ? OpenApiDocument.Security.API_KEYS : OpenApiDocument.Security.OPEN;
    return new OpenApiTexts(() -> {
      OpenApiDocument document = OpenApiDocument.of(workflow, security);
      return new Rendered(utf8(document.json()), utf8(document.yaml()));
    });
  }

  /** Texts given as they are (for tests). */
  public static OpenApiTexts fixed(String json, String yaml) {
    Rendered texts = new Rendered(utf8(json), utf8(yaml));
    return new OpenApiTexts(() -> texts);
  }

  byte[] json() {
    return rendered().json();
  }

  byte[] yaml() {
    return rendered().yaml();
  }

  private Rendered rendered() {
    Rendered r = rendered;
    if (r == null) {
      synchronized (this) {
        r = rendered;
        if (r == null) {
          r = render.get();
          rendered = r;
        }
      }
    }
    return r;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
