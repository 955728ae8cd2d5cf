package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The comparison page in a real browser (Debian Chromium, headless, no network): it renders, its
 * charts are labelled, hostile names stay text, nothing is loaded from outside the file, and the
 * page works without JavaScript (it has none). A screenshot is left in target/.
 */
class ComparisonPageBrowserTest {
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path BROWSER = Path.of("/usr/bin/chromium");

  @TempDir
  static Path dir;
  static ChromeDriver driver;

  @BeforeAll
  static void render() throws IOException {
    assumeTrue(Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER),
        "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
    try (FederationStore store = ComparisonWriterTest.comparedSample()) {
      ComparisonWriter.write(store, dir, EnumSet.of(ComparisonWriter.Format.HTML),
          "Test federation <b>bold?</b>", "A test of the comparison page.", "raceEthnicity");
    }
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    ChromeOptions o = new ChromeOptions();
    o.setBinary(BROWSER.toString());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--user-data-dir=" + dir.resolve("profile"),
        "--window-size=1000,2400", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
    driver = new ChromeDriver(o);
    driver.get(dir.resolve("index.html").toUri().toString());
  }

  @AfterAll
  static void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void rendersTitleSectionsAndLabelledCharts() {
    assertThat(driver.getTitle()).isEqualTo("Test federation <b>bold?</b> — comparison");
    assertThat(driver.findElement(By.id("page-title")).getText()).isEqualTo("Test federation <b>bold?</b>");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    List<WebElement> charts = driver.findElements(By.cssSelector("svg[role=img]"));
    assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
    for (WebElement svg : charts) {
      for (String id : svg.getAttribute("aria-labelledby").split(" ")) {
        assertThat(driver.findElements(By.id(id))).as("label " + id).hasSize(1);
      }
    }
    // the group chart of Baltimore County (24005): black-alone 12 ±3 against white-alone-nh 8
    String text = charts.stream().map(WebElement::getText).reduce("", String::concat);
    assertThat(text).contains("12 ±3").contains("8 ±1 (ref)");
    assertThat(driver.findElement(By.id("members")).getText()).contains("county-d", "skipped", "wrong hash");
    assertThat(driver.findElement(By.id("not-compared")).getText()).contains("UNIT_MISMATCH");
    // every data table has header cells with a scope
    for (WebElement th : driver.findElements(By.cssSelector("th"))) {
      assertThat(th.getAttribute("scope")).isIn("col", "row");
    }
  }

  @Test
  void hostileNamesStayTextAndNothingLoadsFromOutside() {
    JavascriptExecutor js = driver;
    assertThat(js.executeScript("return typeof window.pwned")).isEqualTo("undefined");
    assertThat(js.executeScript("return document.scripts.length")).isEqualTo(0L);
    assertThat(js.executeScript("return document.images.length")).isEqualTo(0L);
    assertThat(driver.getPageSource()).doesNotContain("<script>window");
    assertThat(driver.findElement(By.tagName("body")).getText())
        .contains("<script>window.pwned=1</script>");
    Object external = js.executeScript("return Array.from(document.querySelectorAll('[src],[href]'))"
        + ".map(e => e.getAttribute('src') || e.getAttribute('href')).filter(u => !u.startsWith('#'))");
    assertThat((List<?>) external).isEmpty();
    Object resources = js.executeScript("return performance.getEntriesByType('resource').length");
    assertThat(resources).isEqualTo(0L);
  }

  @Test
  void screenshot() throws IOException {
    Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
    Path target = Path.of("target", "comparison-page.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(target)).isGreaterThan(10_000);
  }
}
