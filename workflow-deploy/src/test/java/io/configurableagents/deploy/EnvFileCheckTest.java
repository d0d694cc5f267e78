package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileCheckTest {
  private static final String SECRET = "sk-live-5ecret-value";

  @TempDir Path dir;
  private final List<String> warnings = new ArrayList<>();
  private final DeployLog log = new DeployLog() {
    @Override
    public void info(String message) {}

    @Override
    public void warn(String message) {
      warnings.add(message);
    }

    @Override
    public void debug(String message) {}
  };
  private final EnvFileCheck check = new EnvFileCheck(new HelpfulSuggestions(), log);

  private Optional<Path> check(EnvFileChoice choice) {
    return check.check(choice, TestRequests.openAiWorkflow(), dir.resolve("out/.env.example"));
  }

  @Test
  void anExplicitFileThatIsMissingFails() {
    Path missing = dir.resolve("prod.env");

    assertThatThrownBy(() -> check(new EnvFileChoice.ExplicitFile(missing)))
        .isInstanceOfSatisfying(DeployException.class, e -> assertThat(e.isUserError()).isTrue())
        .hasMessageStartingWith("Environment file not found: " + missing + "; perhaps you should create it");
  }

  @Test
  void theDefaultFileMissingWarnsWithTheExampleToCopyAndGoesOn() {
    Optional<Path> file = check(new EnvFileChoice.DefaultFile(dir.resolve(".env")));

    assertThat(file).isEmpty();
    assertThat(warnings).containsExactly("No environment file at " + dir.resolve(".env") + ": the container starts"
        + " without provider keys; perhaps you should copy " + dir.resolve("out/.env.example") + " to "
        + dir.resolve(".env") + " and fill in the values");
  }

  @Test
  void noFileWarnsThatTheEnvironmentIsUpToTheUser() {
    assertThat(check(new EnvFileChoice.NoFile())).isEmpty();
    assertThat(warnings).singleElement().asString().startsWith("No environment file (skipEnvFile)");
  }

  @Test
  void aGoodFileIsPassedOnWithoutWarnings() throws IOException {
    Path env = write("# keys\n\nOPENAI_API_KEY=" + SECRET + "\nLOG_LEVEL=debug\n");

    assertThat(check(new EnvFileChoice.ExplicitFile(env))).contains(env);
    assertThat(warnings).isEmpty();
  }

  @Test
  void aLineWithoutEqualsWarnsByLineNumberOnlyNeverItsContent() throws IOException {
    Path env = write("OPENAI_API_KEY=x\n" + SECRET + "\n");

    check(new EnvFileChoice.ExplicitFile(env));

    assertThat(warnings).containsExactly(env + " line 2 has no '=' and may be malformed: docker run reads it as the"
        + " name of a variable to copy from its own environment; write NAME=value");
    assertThat(String.join("\n", warnings)).doesNotContain(SECRET);
  }

  @Test
  void aNameWithSpacesFailsBeforeDockerWouldPrintTheLine() throws IOException {
    Path env = write("export OPENAI_API_KEY=" + SECRET + "\n");

    assertThatThrownBy(() -> check(new EnvFileChoice.ExplicitFile(env)))
        .hasMessageStartingWith(env + " line 1: the variable name (before '=') contains a space")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void quotedValuesWarnThatDockerKeepsTheQuotes() throws IOException {
    Path env = write("OPENAI_API_KEY=\"" + SECRET + "\"\n");

    check(new EnvFileChoice.ExplicitFile(env));

    assertThat(warnings).containsExactly(env + " line 1: the value of OPENAI_API_KEY is in quotes; docker run keeps"
        + " the quotes as part of the value, so write it without them");
  }

  @Test
  void aMissingOrEmptyProviderKeyIsNamed() throws IOException {
    Path missing = write("LOG_LEVEL=debug\n");
    check(new EnvFileChoice.ExplicitFile(missing));
    Path empty = Files.writeString(dir.resolve("empty-key.env"), "OPENAI_API_KEY=\n");
    check(new EnvFileChoice.ExplicitFile(empty));

    assertThat(warnings).containsExactly(
        missing + " does not set OPENAI_API_KEY (the openai provider of node 'classify'); runs fail until it is set",
        empty + ": OPENAI_API_KEY is empty; runs that need it fail until it has a value");
  }

  @Test
  void anEmptyFileWarnsAndIsStillUsed() throws IOException {
    Path env = write("# nothing yet\n");

    assertThat(check.check(new EnvFileChoice.ExplicitFile(env), TestRequests.withTools("[]"), dir)).contains(env);
    assertThat(warnings).containsExactly(env + " defines no variables",
        env + " does not set OPENAI_API_KEY (the openai provider of node 'a'); runs fail until it is set");
  }

  @Test
  void aSearchToolsKeyIsNamedWithTheToolAndTheNodesBesideTheProvidersKey() throws IOException {
    Path env = write("LOG_LEVEL=debug\n");

    check.check(new EnvFileChoice.ExplicitFile(env), TestRequests.withTools("[serper_search]"), dir);

    assertThat(warnings).containsExactly(env + " does not set OPENAI_API_KEY (the openai provider of node 'a'),"
        + " SERPER_API_KEY (the serper_search tool of node 'a'); runs fail until they are set");
  }

  @Test
  void webSearchProviderTavilyInTheFileAsksForTheTavilyKeyInsteadOfSerpers() throws IOException {
    Path serper = write("OPENAI_API_KEY=" + SECRET + "\nSERPER_API_KEY=" + SECRET + "\n");
    check.check(new EnvFileChoice.ExplicitFile(serper), TestRequests.withTools("[web_search]"), dir);
    assertThat(warnings).isEmpty();

    Path tavily = write("OPENAI_API_KEY=" + SECRET + "\nSERPER_API_KEY=" + SECRET + "\nWEB_SEARCH_PROVIDER=tavily\n");
    check.check(new EnvFileChoice.ExplicitFile(tavily), TestRequests.withTools("[web_search]"), dir);
    assertThat(warnings).containsExactly(
        tavily + " does not set TAVILY_API_KEY (the web_search tool of node 'a'); runs fail until it is set");
  }

  @Test
  void whatAToolNeedsIsNamedWithWhatItHoldsAndOptionalVariablesAreNot() throws IOException {
    Path env = write("OPENAI_API_KEY=" + SECRET + "\nALLOWED_COMMANDS=\n");

    check.check(new EnvFileChoice.ExplicitFile(env), TestRequests.withTools("[sql_query, shell, file_read, web_scrape]"), dir);

    assertThat(warnings).containsExactly(
        env + " does not set SQL_QUERY_URL, which the sql_query tool of node 'a' needs (the JDBC URL of sql_query's"
            + " database, e.g. jdbc:postgresql://db:5432/shop?user=reader&password=... or"
            + " jdbc:sqlite:/app/data/files/shop.db); without it the tool does nothing useful",
        env + ": ALLOWED_COMMANDS is empty; the shell tool of node 'a' needs a value");
    assertThat(String.join("\n", warnings)).doesNotContain(SECRET);
  }

  @Test
  void theDefaultLocationTypedExplicitlyIsStillOptional() {
    Path basedir = dir.toAbsolutePath();

    assertThat(EnvFileChoice.of(basedir.resolve("./.env"), basedir.resolve(".env"), false))
        .isEqualTo(new EnvFileChoice.DefaultFile(basedir.resolve(".env")));
    assertThat(EnvFileChoice.of(basedir.resolve("prod.env"), basedir.resolve(".env"), false))
        .isEqualTo(new EnvFileChoice.ExplicitFile(basedir.resolve("prod.env")));
    assertThat(EnvFileChoice.of(basedir.resolve("prod.env"), basedir.resolve(".env"), true))
        .isEqualTo(new EnvFileChoice.NoFile());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("test.env"), text);
  }
}
