package io.configurableagents.runtime.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaType;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /openapi}: this workflow's OpenAPI document (made by workflow-core), as YAML or JSON by
 * {@code Accept}; {@code /openapi.json} and {@code /openapi.yaml} choose by suffix.
 */
public final class OpenApiHttpService implements HttpService {
  private static final String YAML_TYPE = "application/yaml; charset=UTF-8";
  private static final String JSON_TYPE = "application/json; charset=UTF-8";

  private final byte[] json;
  private final byte[] yaml;

  /** Both renderings of the same document. */
  public OpenApiHttpService(String json, String yaml) {
    this.json = json.getBytes(StandardCharsets.UTF_8);
    this.yaml = yaml.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/openapi", this::negotiated)
        .get("/openapi.json", (req, res) -> send(res, JSON_TYPE, json))
        .get("/openapi.yaml", (req, res) -> send(res, YAML_TYPE, yaml));
  }

  private void negotiated(ServerRequest req, ServerResponse res) {
    List<HttpMediaType> accepted = req.headers().acceptedTypes();
    for (HttpMediaType type : accepted) {
      String subtype = type.mediaType().subtype();
      if (subtype.equals("json")) {
        send(res, JSON_TYPE, json);
        return;
      }
      if (subtype.contains("yaml") || type.mediaType().isWildcardType() || subtype.equals("*")) {
        send(res, YAML_TYPE, yaml);
        return;
      }
    }
    if (!accepted.isEmpty()) {
      throw new HttpProblem(
          Status.NOT_ACCEPTABLE_406, "not_acceptable", "the OpenAPI document is served as application/yaml or application/json");
    }
    send(res, YAML_TYPE, yaml);
  }

  private static void send(ServerResponse res, String contentType, byte[] body) {
    res.header(HeaderNames.CONTENT_TYPE, contentType);
    res.send(body);
  }
}
