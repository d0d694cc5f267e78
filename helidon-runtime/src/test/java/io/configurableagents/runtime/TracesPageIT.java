package io.configurableagents.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.configurableagents.runtime.jobs.JobJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The traces page of the packaged jar in a real headless Chromium (Debian's chromium and
 * chromedriver; .ci/run installs them): runs made through the API port show up on the traces
 * port, a click opens the span tree, a failed run shows its error, a running run updates live.
 * Screenshots are kept in target/traces-page-*.png.
 */
class TracesPageIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static FakeOpenAi fake;
  private static ServerProcess server;
  private static int tracesPort;
  private static WebDriver browser;
  private static String okJob;
  private static String failedJob;

  @BeforeAll
  static void start() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
    assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
    fake = FakeOpenAi.start(Duration.ZERO);
    tracesPort = freePort();
    Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("data"));
    env.put("TRACES_PORT", String.valueOf(tracesPort));
    server = ServerProcess.start(env, dir.resolve("server.log"));
    okJob = jobId(server.post("/run?wait=30", "application/json", "{\"message\": \"hello traces\"}"));
    fake.failWith(401);
    failedJob = jobId(server.post("/run?wait=30", "application/json", "{\"message\": \"this one fails\"}"));
    fake.failWith(0);
    browser = chromium(dir.resolve("profile"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void theListShowsTheRunsAndAClickOpensTheSpanTreeWithThePrompt() throws IOException {
    browser.get(page("/"));
    WebElement row = waitFor(By.cssSelector("tr.run-row[data-job-id='" + okJob + "']"));
    assertThat(row.getText()).contains("completed").contains("echo");
    assertThat(browser.findElement(By.cssSelector("tr.run-row[data-job-id='" + failedJob + "']")).getText()).contains("failed");
    screenshot("list");

    row.findElement(By.cssSelector("a.run-link")).click();
    waitFor(By.cssSelector("#span-tree .span-row[data-kind='llm']"));
    List<WebElement> spans = browser.findElements(By.cssSelector("#span-tree .span-row"));
    assertThat(spans).extracting(e -> e.getAttribute("data-kind")).containsExactly("run", "node", "llm");
    assertThat(spans.get(1).getText()).contains("echo");
    spans.get(2).click();
    WebElement details = waitFor(By.cssSelector("#span-details:not([hidden])"));
    assertThat(details.getText()).contains("Simply repeat this message exactly: hello traces").contains("openai/gpt-4o-mini");
    screenshot("run");
  }

  @Test
  void aFailedRunShowsItsErrorAndTheStatusFilterFindsIt() throws IOException {
    browser.get(page("/"));
    new Select(waitFor(By.id("status-filter"))).selectByValue("failed");
    // the list is drawn again every 2 s: a row found may be replaced before it is read
    new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(
        d -> d.findElements(By.cssSelector("tr.run-row")).stream().allMatch(r -> failedJob.equals(r.getAttribute("data-job-id"))));

    browser.findElement(By.cssSelector("tr.run-row[data-job-id='" + failedJob + "'] a.run-link")).click();
    WebElement error = waitFor(By.cssSelector("#run-error:not([hidden])"));
    assertThat(error.getText()).contains("provider_error").contains("echo").contains("401");
    WebElement failedNode = waitFor(By.cssSelector("#span-tree .span-row.error[data-kind='node']"));
    assertThat(failedNode.getText()).contains("401");
    screenshot("failed");
  }

  @Test
  void aRunStillGoingIsShownRunningAndUpdatesWithoutAReload() throws Exception {
    // long enough for a loaded machine to open the page while the provider call is pending
    fake.delay(Duration.ofSeconds(6));
    try {
      HttpResponse<String> accepted = server.post("/run?wait=0", "application/json", "{\"message\": \"slow one\"}");
      assertThat(accepted.statusCode()).isEqualTo(202);
      String job = jobId(accepted);
      browser.get(page("/#/runs/" + job));
      waitFor(By.cssSelector("#run-title .badge.running"));
      new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#run-title .badge.completed")));
      assertThat(browser.findElements(By.cssSelector("#span-tree .span-row"))).hasSize(3);
    } finally {
      fake.delay(Duration.ZERO);
    }
  }

  @Test
  void theJsonApiIsOnTheTracesPortOnlyAndServesNothingFromElsewhere() throws Exception {
    JsonNode list = JobJson.MAPPER.readTree(get(tracesPort, "/api/runs?status=completed&limit=1").body());
    assertThat(list.get("runs")).hasSize(1);
    assertThat(list.at("/runs/0/status").asText()).isEqualTo("completed");
    assertThat(list.get("total").asInt()).isGreaterThanOrEqualTo(1);
    JsonNode trace = JobJson.MAPPER.readTree(get(tracesPort, "/api/runs/" + failedJob).body());
    assertThat(trace.at("/summary/error/type").asText()).isEqualTo("provider_error");
    assertThat(trace.toString()).doesNotContain("sk-test-not-a-real-key");
    assertThat(get(tracesPort, "/api/runs?status=bogus").statusCode()).isEqualTo(400);
    assertThat(get(tracesPort, "/api/runs/no-such-job").statusCode()).isEqualTo(404);

    assertThat(server.get("/api/runs").statusCode()).isEqualTo(404);
    assertThat(get(tracesPort, "/run").statusCode()).isEqualTo(404);
    String html = get(tracesPort, "/").body();
    assertThat(html).doesNotContain("http://").doesNotContain("https://");
    assertThat(get(tracesPort, "/assets/traces.js").headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
        csp -> assertThat(csp).contains("default-src 'self'"));
  }

  @Test
  void withApiKeysTheBrowserSendsTheKeyItWasGivenAsPasswordFromTheDocsAndTracesPages() throws Exception {
    String key = "page-key-2f39a8ca6a3b";
    int keyedTracesPort = freePort();
    Map<String, String> env = EchoWorkflow.environment(EchoWorkflow.write(dir, fake), dir.resolve("keyed-data"));
    env.put("TRACES_PORT", String.valueOf(keyedTracesPort));
    env.put("API_KEYS", key);
    try (ServerProcess keyed = ServerProcess.start(env, dir.resolve("keyed.log"))) {
      HttpResponse<String> run = keyed.send("/run?wait=30", HttpRequest.newBuilder().header("Authorization", "Bearer " + key)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"message\": \"with a key\"}")));
      assertThat(run.statusCode()).isEqualTo(200);

      // what the browser sends once the person typed a user name and the key: Basic credentials
      browser.get("http://anyone:" + key + "@127.0.0.1:" + keyed.port() + "/docs");
      new WebDriverWait(browser, Duration.ofSeconds(20)).until(
          ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-summary-path[data-path='/run']")));
      assertThat(browser.findElements(By.cssSelector("button.btn.authorize"))).isNotEmpty();

      browser.get("http://anyone:" + key + "@127.0.0.1:" + keyedTracesPort + "/");
      WebElement row = waitFor(By.cssSelector("tr.run-row[data-job-id='" + jobId(run) + "']"));
      assertThat(row.getText()).contains("completed");
    }
  }

  /** A headless Chromium with its own profile (the machine's /usr/bin/chromium and chromedriver). */
  static WebDriver chromium(Path profile) throws IOException {
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,900");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static WebElement waitFor(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static void screenshot(String name) throws IOException {
    Path target = Path.of("target", "traces-page-" + name + ".png");
    Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private static String page(String path) {
    return "http://127.0.0.1:" + tracesPort + path;
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String jobId(HttpResponse<String> response) throws IOException {
    return JobJson.MAPPER.readTree(response.body()).get("job_id").asText();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
