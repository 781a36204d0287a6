package io.github.domainevents.examples.inviteservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /events} in a real headless browser: Debian's {@code chromium} driven through its
 * {@code chromedriver} (package {@code chromium-driver}), both found on the {@code PATH};
 * Selenium Manager is never asked to download anything. The test waits until Mermaid has drawn
 * the diagram as SVG with the trace's nodes in it, so it fails if the script is not served, not
 * run, blocked by the page's Content-Security-Policy, or cannot parse the trace.
 *
 * <p>Without the two programs the test is skipped, saying why, so the build passes on a machine
 * with only a JDK; with {@code CI=true} (as {@code .ci/run} runs) it fails instead, since CI
 * installs them.
 */
@RunningService
class EventsPageBrowserTest {
  private static @Nullable Path chromium;
  private static @Nullable Path chromedriver;

  @LocalServerPort int port;
  private @Nullable WebDriver browser;

  @BeforeEach
  void findTheBrowser() {
    chromedriver = onPath("chromedriver").orElse(null);
    chromium = onPath("chromium", "chromium-browser").orElse(null);
    if (chromedriver == null || chromium == null) {
      String missing =
          (chromium == null ? "chromium" : "")
              + (chromium == null && chromedriver == null ? " and " : "")
              + (chromedriver == null ? "chromedriver" : "");
      String why =
          "headless browser check of /events skipped: no "
              + missing
              + " on the PATH (Debian: apt-get install chromium chromium-driver; .ci/run does)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why.replace("skipped", "cannot run on CI"));
      }
      // Surefire's summary counts skipped tests without their reasons: say it where it is seen.
      System.err.println("EventsPageBrowserTest: " + why);
      Assumptions.abort(why);
    }
  }

  @AfterEach
  void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theDiagramIsRenderedAsSvg_withTheTracedEventsAndAFailedRunInRed() throws Exception {
    Http http = new Http(port);
    assertThat(http.createInvite("browser@example.com").statusCode()).isEqualTo(201);
    assertThat(http.createInvite("browser@blocked.example").statusCode()).isEqualTo(422);
    WebDriver driver = start();

    driver.get(http.url("/events"));

    WebElement svg =
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg")));
    assertThat(svg.findElements(By.cssSelector("g.node"))).hasSizeGreaterThanOrEqualTo(5);
    assertThat(svg.getText())
        .contains("invite.created")
        .contains("welcome-mail.sent")
        .contains("WelcomeMail.send(InviteCreated) [after commit]")
        .contains("RolledBackInvites.record(InviteCreated) [after rollback]")
        .contains("InviteRefusedException: invites to blocked.example are refused");
    assertThat(svg.findElements(By.cssSelector("g.node.failed"))).isNotEmpty();
    // Mermaid replaced the source text with the drawing: no syntax-error diagram either.
    assertThat(driver.findElement(By.cssSelector("#diagram pre.mermaid")).getAttribute(
        "data-processed")).isEqualTo("true");
    assertThat(svg.getAttribute("aria-roledescription")).isEqualTo("flowchart-v2");
  }

  private WebDriver start() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(requireFound(chromium).toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1400,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(requireFound(chromedriver).toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    browser = new ChromeDriver(service, options);
    return browser;
  }

  private static Path requireFound(@Nullable Path path) {
    if (path == null) {
      throw new IllegalStateException("findTheBrowser() should have skipped the test");
    }
    return path;
  }

  private static Optional<Path> onPath(String... names) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    List<String> directories = List.of(path.split(File.pathSeparator));
    return Stream.of(names)
        .flatMap(name -> directories.stream().map(directory -> Path.of(directory, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }
}
