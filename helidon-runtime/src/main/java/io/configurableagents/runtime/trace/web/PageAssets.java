package io.configurableagents.runtime.trace.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The page's files, read once from the jar: the only names served, so no path reaches elsewhere. */
final class PageAssets {
  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", "text/html; charset=UTF-8",
          "traces.js", "text/javascript; charset=UTF-8",
          "traces.css", "text/css; charset=UTF-8",
          "favicon.svg", "image/svg+xml");

  record Asset(String contentType, byte[] bytes) {}

  private final Map<String, Asset> assets;

  private PageAssets(Map<String, Asset> assets) {
    this.assets = Map.copyOf(assets);
  }

  static PageAssets load() {
    Map<String, Asset> assets = new LinkedHashMap<>();
    TYPES.forEach((name, type) -> assets.put(name, new Asset(type, read(name))));
    return new PageAssets(assets);
  }

  Optional<Asset> find(String name) {
    return Optional.ofNullable(assets.get(name));
  }

  private static byte[] read(String name) {
    try (InputStream in = PageAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the traces page's " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
