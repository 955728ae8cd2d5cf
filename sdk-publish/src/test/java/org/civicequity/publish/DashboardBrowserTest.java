package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real browser: headless Chromium (Debian packages chromium and
 * chromium-driver) loads the published index.html from disk, the test reads what is visible,
 * checks that a script in the data never ran, and saves a screenshot under target/.
 */
class DashboardBrowserTest {
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir
  Path tmp;

  /** A small source folder with groups, margins of error, a suppressed group and a hostile name. */
  private Path source() throws Exception {
    Path src = tmp.resolve("source");
    Files.createDirectories(src);
    Files.writeString(src.resolve("datapackage.json"), """
        {"$schema": "https://civicequity.org/schema/1.0/datapackage.schema.json",
         "name": "browser-test", "title": "Equity dashboard test feed",
         "description": "A small feed for the browser test.",
         "licenses": [{"name": "CC-BY-4.0"}],
         "resources": [{"name": "observations", "path": "observations.csv"}, {"name": "indicators", "path": "indicators.json"}],
         "civicEquity": {"standardVersion": "1.0",
           "publisher": {"name": "Test City", "email": "data@example.org",
             "jurisdiction": {"geoLevel": "county", "geoId": "24510", "name": "Baltimore city, Maryland"}}}}
        """);
    Files.writeString(src.resolve("indicators.json"), """
        {"standardVersion": "1.0", "indicators": [
          {"id": "poverty-rate", "name": "Poverty rate", "description": "Share of people below the poverty level.",
           "domain": "economy", "unit": "percent", "polarity": "lower-is-better",
           "source": {"name": "U.S. Census Bureau, ACS 5-year", "table": "S1701", "url": "https://data.census.gov/"}},
          {"id": "uninsured", "name": "Uninsured <script>window.pwned=1</script>", "description": "People without health insurance.",
           "domain": "health", "unit": "percent", "polarity": "lower-is-better"}]}
        """);
    Files.writeString(src.resolve("observations.csv"), """
        indicator,geoLevel,geoId,geoName,period,raceEthnicity,value,moe,status,note
        poverty-rate,county,24510,Baltimore city,2015/2019,,20.2,0.8,,
        poverty-rate,county,24510,Baltimore city,2015/2019,white-alone-nh,10.1,0.9,,
        poverty-rate,county,24510,Baltimore city,2015/2019,black-alone-nh,25.4,1.2,,
        poverty-rate,county,24510,Baltimore city,2015/2019,hispanic-aoic,17.9,3.8,,
        poverty-rate,county,24510,Baltimore city,2015/2019,asian-alone-nh,,,suppressed,suppressed by the source
        poverty-rate,county,24005,Baltimore County,2015/2019,,9.5,0.5,,
        poverty-rate,county,24003,Anne Arundel County,2015/2019,,5.9,0.4,,
        uninsured,county,24510,"Baltimore <script>window.pwned=2</script> city",2015/2019,,6.8,0.5,,
        uninsured,county,24005,Baltimore County,2015/2019,,5.1,0.4,,
        """);
    return src;
  }

  @Test
  void chartsTablesAndEscapingInHeadlessChromium() throws Exception {
    assumeTrue(Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM),
        "Debian chromium and chromium-driver are not installed");
    Path feed = tmp.resolve("site/feed");
    FeedPublisher.publish(source(), feed, PublishOptions.defaults().withIssued(LocalDate.of(2024, 5, 1)));
    Path page = feed.resolve("index.html");

    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toString());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--user-data-dir=" + tmp.resolve("profile"), "--window-size=1000,1600",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    WebDriver driver = new ChromeDriver(service, o);
    try {
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      driver.get(page.toUri().toString());
      assertThat(driver.getTitle()).isEqualTo("Equity dashboard test feed — equity dashboard");
      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Equity dashboard test feed");
      List<String> h2 = driver.findElements(By.tagName("h2")).stream().map(WebElement::getText).toList();
      assertThat(h2).contains("Indicators", "Poverty rate", "Uninsured <script>window.pwned=1</script>");

      WebElement groups = driver.findElement(By.id("indicator-poverty-rate-groups"));
      assertThat(groups.getAttribute("role")).isEqualTo("img");
      String chart = groups.getText();
      assertThat(chart).contains("White alone, not Hispanic or Latino", "10.1% ± 0.9 points", "25.4% ± 1.2 points",
          "suppressed");
      assertThat(chart).doesNotContain("0% ±");
      assertThat(driver.findElements(By.cssSelector("#indicator-poverty-rate-groups rect.bar"))).hasSize(4);
      assertThat(driver.findElements(By.cssSelector("#indicator-poverty-rate-groups path.whisker"))).hasSize(4);
      assertThat(driver.findElement(By.id("indicator-poverty-rate-groups-t")).getAttribute("textContent"))
          .isEqualTo("Poverty rate by race and ethnicity, Baltimore city, 2015/2019");
      String disparity = driver.findElement(By.cssSelector("#indicator-poverty-rate table.disparity")).getText();
      assertThat(disparity).contains("Black or African American alone, not Hispanic or Latino 25.4% 2.51 15.3 points yes");
      WebElement geos = driver.findElement(By.id("indicator-poverty-rate-geos"));
      assertThat(geos.getText()).contains("Baltimore city", "Baltimore County", "Anne Arundel County");
      assertThat(driver.findElement(By.id("indicator-uninsured-geos")).getText())
          .contains("Baltimore <script>window.pwned=2</script> city");

      JavascriptExecutor js = (JavascriptExecutor) driver;
      assertThat(js.executeScript("return document.scripts.length")).isEqualTo(0L);
      assertThat(js.executeScript("return typeof window.pwned")).isEqualTo("undefined");
      assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);

      Path shot = Path.of("target", "dashboard-screenshot.png");
      Files.createDirectories(shot.getParent());
      Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), shot,
          StandardCopyOption.REPLACE_EXISTING);
      assertThat(Files.size(shot)).isGreaterThan(10_000);
    } finally {
      driver.quit();
      service.stop();
    }
  }
}
