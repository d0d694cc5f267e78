package io.configurableagents.core.model;

import java.util.Optional;
import java.util.function.Function;

/**
 * The web search services behind {@code serper_search} and {@code web_search} (docs/tools.md):
 * the id that {@code config.provider} and {@code WEB_SEARCH_PROVIDER} name, and the variables of
 * the service's key and address.
 */
public enum SearchService {
  SERPER("serper", "SERPER_API_KEY", "SERPER_BASE_URL", "https://google.serper.dev"),
  TAVILY("tavily", "TAVILY_API_KEY", "TAVILY_BASE_URL", "https://api.tavily.com");

  /** The variable that picks {@code web_search}'s service when its {@code config} names none. */
  public static final String CHOICE_VARIABLE = "WEB_SEARCH_PROVIDER";

  private final String id;
  private final String keyVariable;
  private final String baseUrlVariable;
  private final String defaultBaseUrl;

  SearchService(String id, String keyVariable, String baseUrlVariable, String defaultBaseUrl) {
    this.id = id;
    this.keyVariable = keyVariable;
    this.baseUrlVariable = baseUrlVariable;
    this.defaultBaseUrl = defaultBaseUrl;
  }

  /** The spelling of {@code config.provider} and {@code WEB_SEARCH_PROVIDER}. */
  public String id() {
    return id;
  }

  /** The variable that holds the service's API key. */
  public String keyVariable() {
    return keyVariable;
  }

  /** The variable that points the tools at another address (a proxy, a test server). */
  public String baseUrlVariable() {
    return baseUrlVariable;
  }

  public String defaultBaseUrl() {
    return defaultBaseUrl;
  }

  /**
   * The service a search tool calls: Serper for {@code serper_search}; for {@code web_search} its
   * {@code config.provider}, else {@code WEB_SEARCH_PROVIDER}, else Serper.
   *
   * @param environment the variables, absent when unset or blank
   */
  public static SearchService of(ToolSpec tool, Function<String, Optional<String>> environment) {
    if (!tool.name().equals(BuiltInTool.WEB_SEARCH.id())) {
      return SERPER;
    }
    Object configured = tool.config().get("provider");
    String id = configured instanceof String s ? s : environment.apply(CHOICE_VARIABLE).orElse(SERPER.id);
    return id.strip().equalsIgnoreCase(TAVILY.id) ? TAVILY : SERPER;
  }

  /** Whether {@code WEB_SEARCH_PROVIDER} picks the tool's service: {@code web_search} without {@code config.provider}. */
  public static boolean chosenByEnvironment(ToolSpec tool) {
    return tool.name().equals(BuiltInTool.WEB_SEARCH.id()) && !(tool.config().get("provider") instanceof String);
  }
}
