package io.configurableagents.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.deploy.ConsoleSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console end to end, as a user drives it: the console in a JVM of its own (as
 * {@code workflow:console} starts it), its page in a real headless Chromium (Debian's chromium
 * and chromedriver), deploys to the real Docker engine on the offline jlink base. Every byte the
 * console sends goes through a {@link RecordingRelay}: no answer ever holds an env value.
 * Screenshots of each step are kept in target/console-page-*.png.
 */
class ConsolePageIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String NAME = "console-it";
  private static final String IMAGE = NAME + ":2.0.0";
  private static final String KEY = "sk-page-it-" + UUID.randomUUID();
  private static final String EXTRA = "extra-" + UUID.randomUUID();
  private static final String LOOSE = "loose-" + UUID.randomUUID();

  @TempDir static Path dir;
  private static Process console;
  private static RecordingRelay relay;
  private static WebDriver browser;
  private static String page;
  private static int apiPort;
  private static int tracesPort;
  private static int shots;

  @BeforeAll
  static void start() throws Exception {
    assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium chromium-driver)").isExecutable();
    assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
    removeContainer();
    int port = TestConsoles.freePort();
    ConsoleSettings settings = TestConsoles.settings(dir.resolve("project"), port);
    settings.write(dir.resolve("console.properties"));
    Files.createDirectories(dir.resolve("tmp"));
    // the console's own JVM, with its temporary files where this test can look into them
    console = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-cp", System.getProperty("console.classpath"),
        "io.configurableagents.console.ConsoleMain", dir.resolve("console.properties").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("console.out").toFile()).start();
    awaitOutput("Workflow console on http://127.0.0.1:" + port + "/", Duration.ofSeconds(60));
    relay = RecordingRelay.start(InetAddress.getByName("::1"), new InetSocketAddress("127.0.0.1", port));
    page = "http://[::1]:" + port + "/";
    apiPort = TestConsoles.freePort();
    tracesPort = TestConsoles.freePort();
    browser = chromium(dir.resolve("profile"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (relay != null) {
      relay.close();
    }
    if (console != null) {
      console.destroy();
      if (!console.waitFor(20, TimeUnit.SECONDS)) {
        console.destroyForcibly();
      }
    }
    removeContainer();
  }

  @Test
  void aWorkflowIsFixedDeployedWatchedStoppedStartedAndRemovedAndNoAnswerEverHoldsAnEnvValue() throws Exception {
    browser.get(page);
    WebElement editor = waitFor(By.id("workflow-text"));
    // the project's workflow.yaml opens by itself
    waitUntil(d -> editor.getDomProperty("value").equals(TestConsoles.WORKFLOW), Duration.ofSeconds(20));
    waitForText(By.id("workflow-status"), "valid: flow \"console-it-flow\" 2.0.0");
    screenshot("opened");

    // a 5 MB paste: the message on the page, not an error
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '# pasted by mistake\\n'.repeat(260000);"
        + " arguments[0].dispatchEvent(new Event('input'));", editor);
    waitForText(By.id("workflow-status"), "more than the console takes: a workflow of at most 1 MB");
    assertThat(browser.findElement(By.id("workflow-status")).getText()).startsWith("The request is 5.");

    // typed with a mistake: the validator's diagnostic appears on its line, with the hint
    editor.clear();
    editor.sendKeys(TestConsoles.WORKFLOW_WITH_TYPO);
    WebElement mark = waitFor(By.cssSelector("#marks .mark.error[data-line='11']"));
    assertThat(mark.getText()).startsWith("did you mean \"topic\"? — error: ").contains("{state.topik} names no state field");
    // on line 11 of the text as the browser lays it out, and after its code, not over it
    Number offset = (Number) ((JavascriptExecutor) browser).executeScript("const t = arguments[0], m = arguments[1];"
        + " const s = getComputedStyle(t); return m.getBoundingClientRect().top - (t.getBoundingClientRect().top"
        + " + parseFloat(s.paddingTop) + 10 * parseFloat(s.lineHeight) - t.scrollTop);", editor, mark);
    assertThat(Math.abs(offset.doubleValue())).as("the mark's offset from line 11, in pixels").isLessThan(1.5);
    Boolean afterCode = (Boolean) ((JavascriptExecutor) browser).executeScript("const t = arguments[0];"
        + " const msg = arguments[1].querySelector('.msg'); const probe = document.createElement('span');"
        + " probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;font:inherit';"
        + " probe.textContent = t.value.split('\\n')[10]; t.parentElement.append(probe);"
        + " const end = t.getBoundingClientRect().left + parseFloat(getComputedStyle(t).paddingLeft)"
        + " + probe.getBoundingClientRect().width; probe.remove(); return msg.getBoundingClientRect().left >= end;",
        editor, mark);
    assertThat(afterCode).as("the message starts after the line's code").isTrue();
    assertThat(browser.findElement(By.cssSelector("#diagnostics li.error[data-line='11']")).getText())
        .startsWith("11:24").contains("did you mean \"topic\"?");
    waitForText(By.id("workflow-status"), "1 error");
    screenshot("diagnostic");

    // fixed by typing over the mistake
    int at = TestConsoles.WORKFLOW_WITH_TYPO.indexOf("topik");
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus(); arguments[0].setSelectionRange(arguments[1], arguments[2]);",
        editor, at, at + "topik".length());
    editor.sendKeys("topic");
    waitForText(By.id("workflow-status"), "valid: flow \"console-it-flow\" 2.0.0");
    waitUntil(d -> d.findElements(By.cssSelector("#marks .mark")).isEmpty(), Duration.ofSeconds(10));
    assertThat(editor.getDomProperty("value")).isEqualTo(TestConsoles.WORKFLOW);

    // an uploaded file replaces the text, and its name decides YAML or JSON
    String uploaded = TestConsoles.WORKFLOW + "# uploaded from disk\n";
    browser.findElement(By.id("workflow-upload")).sendKeys(write("uploads/triage.yml", uploaded).toString());
    waitUntil(d -> editor.getDomProperty("value").equals(uploaded), Duration.ofSeconds(10));
    assertThat(browser.findElement(By.id("workflow-name")).getDomProperty("value")).isEqualTo("triage.yml");
    waitForText(By.id("workflow-status"), "valid: flow \"console-it-flow\" 2.0.0");

    // an environment without the provider's key, and with a line that is no variable: both are named
    WebElement envText = browser.findElement(By.id("env-text"));
    envText.sendKeys("EXTRA_SECRET=" + EXTRA + "\n" + LOOSE + "\n");
    browser.findElement(By.id("env-set")).click();
    waitForText(By.id("env-findings"), "does not set OPENAI_API_KEY (the openai provider of node");
    assertThat(browser.findElement(By.id("env-findings")).getText()).contains(".env line 2 has no '='");
    assertThat(envText.getDomProperty("value")).isEmpty();
    screenshot("env-warnings");

    // the right one, uploaded as a file: names and masked values, no warning
    browser.findElement(By.id("env-upload")).sendKeys(write("uploads/prod.env", "OPENAI_API_KEY=" + KEY
        + "\nEXTRA_SECRET=" + EXTRA + "\n").toString());
    waitForText(By.id("env-status"), "2 variables from prod.env");
    WebElement keyRow = waitFor(By.cssSelector("#env-table tr[data-name='OPENAI_API_KEY']"));
    assertThat(keyRow.findElement(By.cssSelector("td.masked")).getText()).isEqualTo("sk-***");
    assertThat(browser.findElement(By.cssSelector("#env-table tr[data-name='EXTRA_SECRET'] td.masked")).getText())
        .isEqualTo("ext***");
    waitUntil(d -> d.findElements(By.cssSelector("#env-findings li")).isEmpty(), Duration.ofSeconds(10));
    screenshot("env");

    // deploy, on the offline jlink base: its lines stream in, then the endpoints and a curl
    fill("deploy-name", NAME);
    fill("deploy-port", String.valueOf(apiPort));
    fill("deploy-traces-port", String.valueOf(tracesPort));
    fill("deploy-sync-timeout", "20");
    fill("deploy-base-image", "jlink");
    browser.findElement(By.id("deploy-replace")).click();
    browser.findElement(By.id("deploy-button")).click();
    waitForText(By.id("deploy-log"), "Built image " + IMAGE, Duration.ofMinutes(6));
    // the file that carried the values to docker run is gone once the container has started
    waitForText(By.id("deploy-log"), "Started container " + NAME + "; waiting for GET /health", Duration.ofMinutes(2));
    assertThat(filesHolding(dir.resolve("tmp"), KEY)).as("files holding the key while the deploy waits for health")
        .isEmpty();
    waitUntil(d -> d.findElement(By.id("deploy-result")).isDisplayed() || d.findElement(By.id("deploy-error")).isDisplayed(),
        Duration.ofMinutes(3));
    assertThat(browser.findElement(By.id("deploy-error")).isDisplayed())
        .as(browser.findElement(By.id("deploy-error")).getText()).isFalse();
    String log = browser.findElement(By.id("deploy-log")).getText();
    assertThat(log).contains("Started container " + NAME).contains("Workflow \"console-it-flow\" 2.0.0 is running in"
        + " container " + NAME);
    assertThat(browser.findElement(By.id("result-docs")).getDomAttribute("href"))
        .isEqualTo("http://127.0.0.1:" + apiPort + "/docs");
    assertThat(browser.findElement(By.id("result-traces")).getDomAttribute("href"))
        .isEqualTo("http://127.0.0.1:" + tracesPort + "/");
    assertThat(browser.findElement(By.id("result-curl")).getText())
        .startsWith("curl -X POST http://127.0.0.1:" + apiPort + "/run \\").contains("\"topic\":");
    screenshot("deployed");
    // the values reached the container
    assertThat(docker("inspect", "--format", "{{json .Config.Env}}", NAME))
        .contains("OPENAI_API_KEY=" + KEY).contains("EXTRA_SECRET=" + EXTRA);

    // the table: the container, running and ready
    WebElement row = waitFor(By.cssSelector("#containers tr[data-name='" + NAME + "']"));
    waitUntil(d -> row(d).getText().contains("healthy, ready"), Duration.ofSeconds(30));
    assertThat(rowText()).contains("console-it-flow 2.0.0").contains(IMAGE).contains("running")
        .contains(apiPort + ", " + tracesPort);

    // the logs pane follows the container's output
    clickInRow("button.logs");
    waitForText(By.id("logs-output"), "configurable-agents runtime: workflow \"console-it-flow\" 2.0.0");
    assertThat(browser.findElement(By.id("logs-name")).getText()).isEqualTo(NAME);
    screenshot("logs");

    // stop: the table says so, and the log ends with the runtime's last words
    clickInRow("button.stop");
    waitUntil(d -> row(d).findElement(By.cssSelector("td.state")).getText().startsWith("exited"), Duration.ofMinutes(2));
    waitForText(By.id("logs-output"), "the container stopped; its log ends here", Duration.ofSeconds(30));
    waitForText(By.id("container-messages"), "Stopped container " + NAME);
    assertThat(docker("inspect", "--format", "{{.State.Status}}", NAME)).isEqualTo("exited");
    screenshot("stopped");

    // start: running and healthy again (the button waits for GET /health, as workflow:start does)
    clickInRow("button.start");
    waitForText(By.id("container-messages"), "Container " + NAME + " is healthy after", Duration.ofMinutes(2));
    waitUntil(d -> row(d).findElement(By.cssSelector("td.state")).getText().equals("running"), Duration.ofSeconds(30));
    waitUntil(d -> row(d).getText().contains("healthy, ready"), Duration.ofSeconds(30));

    // remove, with its data volume (a running container is stopped first)
    clickInRow("button.remove");
    clickInRow("input.remove-data");
    clickInRow("button.confirm-remove");
    waitUntil(d -> d.findElements(By.cssSelector("#containers tr[data-name='" + NAME + "']")).isEmpty(), Duration.ofMinutes(1));
    waitForText(By.id("container-messages"), "Removed its data volume " + NAME + "-data");
    assertThat(dockerResult("container", "inspect", NAME)).isNotZero();
    assertThat(dockerResult("volume", "inspect", NAME + "-data")).isNotZero();
    screenshot("removed");

    // no answer of the console held a value, nor did its output
    assertThat(relay.received()).contains("\"masked\":\"sk-***\"").doesNotContainIgnoringCase("content-encoding: gzip");
    for (String value : List.of(KEY, EXTRA, LOOSE)) {
      assertThat(relay.sent(value)).as("an answer held an env value").isFalse();
      assertThat(Files.readString(dir.resolve("console.out"))).as("the console's output").doesNotContain(value);
      assertThat(filesHolding(dir.resolve("project"), value)).as("the project's files").isEmpty();
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A file for the page's upload buttons, outside the project directory. */
  private static Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  /**
   * Clicks {@code css} in the container's row; again when a refresh rebuilt the row between finding
   * and clicking (it does so whenever the row's state or health changes).
   */
  private static void clickInRow(String css) {
    waitUntil(d -> {
      row(d).findElement(By.cssSelector(css)).click();
      return true;
    }, Duration.ofSeconds(30));
  }

  /** The container's row as the user reads it (read again when a refresh rebuilt it meanwhile). */
  private static String rowText() {
    String[] text = new String[1];
    waitUntil(d -> {
      text[0] = row(d).getText();
      return true;
    }, Duration.ofSeconds(30));
    return text[0];
  }

  private static WebElement row(WebDriver d) {
    return d.findElement(By.cssSelector("#containers tr[data-name='" + NAME + "']"));
  }

  private static void fill(String id, String value) {
    WebElement input = browser.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  private static WebElement waitFor(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  private static void waitForText(By locator, String text) {
    waitForText(locator, text, Duration.ofSeconds(30));
  }

  private static void waitForText(By locator, String text, Duration timeout) {
    new WebDriverWait(browser, timeout).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  private static void waitUntil(java.util.function.Function<WebDriver, Boolean> condition, Duration timeout) {
    new WebDriverWait(browser, timeout).ignoring(org.openqa.selenium.NoSuchElementException.class)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
  }

  /** The whole page (the window grown to its height for a moment), as target/console-page-NN-name.png. */
  private static void screenshot(String name) throws IOException {
    Path target = Path.of("target", String.format("console-page-%02d-%s.png", ++shots, name));
    Dimension window = browser.manage().window().getSize();
    long height = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollHeight;");
    browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(window.getHeight(), height + 140)));
    try {
      Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    } finally {
      browser.manage().window().setSize(window);
    }
  }

  private static WebDriver chromium(Path profile) throws IOException {
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile, "--window-size=1400,1100");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static void awaitOutput(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    Path out = dir.resolve("console.out");
    while (!Files.exists(out) || !Files.readString(out).contains(text)) {
      if (System.nanoTime() > deadline || !console.isAlive()) {
        throw new AssertionError("the console did not print \"" + text + "\":\n"
            + (Files.exists(out) ? Files.readString(out) : ""));
      }
      Thread.sleep(100);
    }
  }

  /** The files below {@code root} that hold {@code text} (none may hold a value once the deploy is done). */
  private static List<Path> filesHolding(Path root, String text) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text)) {
          found.add(f);
        }
      }
    }
    return found;
  }

  private static void removeContainer() throws Exception {
    dockerResult("rm", "-f", NAME);
    dockerResult("volume", "rm", "-f", NAME + "-data");
    dockerResult("image", "rm", "-f", IMAGE);
  }

  private static String docker(String... args) throws Exception {
    Process p = new ProcessBuilder(dockerCommand(args)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).as("docker " + String.join(" ", args) + ": " + out).isZero();
    return out;
  }

  private static int dockerResult(String... args) throws Exception {
    Process p = new ProcessBuilder(dockerCommand(args)).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    return p.waitFor();
  }

  private static List<String> dockerCommand(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return command;
  }
}
