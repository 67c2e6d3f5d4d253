package dev.resident.undertow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resident.api.modules.ModulesService;
import dev.resident.undertow.ResidentHost;
import dev.resident.undertow.InstanceInfo;
import dev.resident.undertow.instance.InstanceState;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Instances Console in a real headless Chromium (R-OPS-2): Debian's {@code chromium} and
 * {@code chromedriver}, which {@code .ci/run} installs when missing. Leaves a screenshot in
 * {@code target/console.png}.
 */
@DisplayName("R-OPS-2 Instances Console in a browser")
class ConsoleBrowserTest {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path profile;
  private ResidentHost host;
  private WebDriver browser;

  @BeforeEach
  void start() {
    host = Fixture.withSlowStart(Fixture.builder()).build();
    host.start();
    Fixture.awaitWorkers(host, 2);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + profile.resolve("chromium"), "--window-size=1440,1100");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void stop() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      Fixture.release();
      host.stop();
    }
  }

  @Test
  @DisplayName("shows every instance as ModulesService does, and stop, set count and shut down change it live")
  void consoleFollowsTheHost() throws IOException {
    Api.get(host.versionPort("batch", "v1"), "/hello");
    for (int i = 0; i < 20; i++) {
      Api.get(host.port(), "/hello");
      Api.get(host.versionPort("worker", "v1"), "/hello");
    }
    Api.until("batch/v1/0 serves", () -> host.instanceState("batch", "v1", "0") == InstanceState.SERVING);

    browser.get("http://127.0.0.1:" + host.port() + "/_ah/admin");
    ((JavascriptExecutor) browser).executeScript("window.residentTestMarker = 'no reload';");
    waitFor("worker instances serve in the console",
        () -> state("worker/v1/0").equals("SERVING") && state("worker/v1/1").equals("SERVING"));
    waitFor("batch/v1/0 serves in the console", () -> state("batch/v1/0").equals("SERVING"));
    waitFor("loader/v1/0 is still starting in the console", () -> state("loader/v1/0").equals("STARTING"));
    matchesModulesService();
    screenshot();

    // Stop a version: two clicks (the second confirms); states change without a reload.
    stopButton("worker/v1").click();
    stopButton("worker/v1").click();
    waitFor("worker/v1 shows STOPPED", () -> versionState("worker/v1").equals("STOPPED")
        && state("worker/v1/0").equals("STOPPED") && state("worker/v1/1").equals("STOPPED"));
    assertThat(host.instanceState("worker", "v1", "0")).isEqualTo(InstanceState.STOPPED);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.residentTestMarker;")).isEqualTo("no reload");

    versionBox("worker/v1").findElement(By.cssSelector("button[data-action=start]")).click();
    waitFor("worker/v1 serves again", () -> versionState("worker/v1").equals("STARTED")
        && state("worker/v1/0").equals("SERVING") && state("worker/v1/1").equals("SERVING"));

    // Set the count.
    WebElement count = browser.findElement(By.cssSelector("input[data-count='worker/v1']"));
    count.clear();
    count.sendKeys("3");
    versionBox("worker/v1").findElement(By.cssSelector("button[data-action=set-count]")).click();
    waitFor("a third worker serves", () -> rows("worker/v1").size() == 3 && state("worker/v1/2").equals("SERVING"));
    assertThat(host.modulesService().getNumInstances("worker", "v1")).isEqualTo(3);

    // Shut down one (basic) instance: it stays stopped until a request needs it.
    WebElement shutdown = row("batch/v1/0").findElement(By.cssSelector("button[data-action=shutdown]"));
    shutdown.click();
    row("batch/v1/0").findElement(By.cssSelector("button[data-action=shutdown]")).click();
    waitFor("batch/v1/0 shows STOPPED", () -> state("batch/v1/0").equals("STOPPED"));
    assertThat(host.instanceState("batch", "v1", "0")).isEqualTo(InstanceState.STOPPED);
    matchesModulesService();
    assertThat(((JavascriptExecutor) browser).executeScript("return window.residentTestMarker;")).isEqualTo("no reload");

    List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    assertThat(errors).as("browser console errors and warnings").isEmpty();
  }

  @Test
  @DisplayName("with resident.admin_token the console asks for the token and then shows the host")
  void consoleAsksForTheToken() {
    try (ResidentHost secured = ResidentHost.builder().port(0).stopOnJvmShutdown(false)
        .config("app.yaml", "application: app\nversion: v1\nruntime: java17\nresident:\n  admin_token: t0ken\n")
        .handlers("default", h -> h.servlet("/*", Fixture.HelloServlet.class)).build()) {
      secured.start();
      Api.get(secured.port(), "/hello");

      browser.get("http://127.0.0.1:" + secured.port() + "/_ah/admin");
      waitFor("the token bar shows", () -> browser.findElement(By.id("token-bar")).isDisplayed());
      browser.findElement(By.id("token-input")).sendKeys("t0ken");
      browser.findElement(By.id("token-use")).click();
      waitFor("the default version shows", () -> !browser.findElements(By.cssSelector("[data-version='default/v1']"))
          .isEmpty() && !browser.findElement(By.id("token-bar")).isDisplayed());

      assertThat(rows("default/v1")).hasSize(1);
      // The 401 of the first poll is the only message the browser may log.
      List<LogEntry> others = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
          .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
          .filter(e -> !e.getMessage().contains("401")).toList();
      assertThat(others).as("browser console errors besides the 401").isEmpty();
    }
  }

  /** Every version of every module is shown, with the instances and states the host has. */
  private void matchesModulesService() {
    ModulesService modules = host.modulesService();
    for (String module : modules.getModules()) {
      for (String version : modules.getVersions(module)) {
        String key = module + "/" + version;
        List<InstanceInfo> expected = host.instances().stream()
            .filter(i -> i.module().equals(module) && i.version().equals(version) && !i.instance().equals("-"))
            .toList();
        waitFor(key + " matches the host: " + expected, () -> {
          List<WebElement> shown = rows(key);
          if (shown.size() != expected.size()) {
            return false;
          }
          for (InstanceInfo info : expected) {
            if (!state(key + "/" + info.instance()).equals(info.state().name())) {
              return false;
            }
          }
          return true;
        });
        if (module.equals("worker")) {
          assertThat(rows(key)).hasSize(modules.getNumInstances(module, version));
        }
      }
    }
  }

  private WebElement versionBox(String key) {
    return browser.findElement(By.cssSelector("[data-version='" + key + "']"));
  }

  private WebElement stopButton(String key) {
    return versionBox(key).findElement(By.cssSelector("button[data-action=stop]"));
  }

  private String versionState(String key) {
    return versionBox(key).findElement(By.cssSelector(".vstate")).getText();
  }

  private List<WebElement> rows(String key) {
    return browser.findElements(By.cssSelector("tr[data-instance^='" + key + "/']"));
  }

  private WebElement row(String key) {
    return browser.findElement(By.cssSelector("tr[data-instance='" + key + "']"));
  }

  private String state(String key) {
    List<WebElement> found = browser.findElements(By.cssSelector("tr[data-instance='" + key + "'] .state"));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  private void waitFor(String what, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(browser, WAIT).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(driver -> condition.getAsBoolean());
  }

  private void screenshot() throws IOException {
    Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "console.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
  }
}
