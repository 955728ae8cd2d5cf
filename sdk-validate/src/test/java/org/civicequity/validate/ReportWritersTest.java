package org.civicequity.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.ValidationReport.FindingGroup;
import org.civicequity.validate.ValidationReport.RuleNotRun;
import org.civicequity.validate.ValidationReport.Summary;
import org.civicequity.validate.ValidationReport.SystemError;
import org.civicequity.validate.internal.input.SchemaCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Golden files of the four writers (a fixed report: fixed version, no clock), the JSON report
 * against {@code report.schema.json}, the SARIF 2.1.0 shape, and HTML escaping. Regenerate the
 * golden files with {@code -Dcivicequity.regenerate=true}.
 */
class ReportWritersTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
  static final JsonMapper MAPPER = JsonMapper.builder().build();

  @TempDir
  Path temp;

  /** A report with hostile values: markup, quotes, ampersands, a new line. */
  static ValidationReport fixed() {
    Finding geo = new Finding("GEOID_LENGTH_MISMATCH", Severity.ERROR,
        "expected a 11-digit GEOID for geoLevel tract, found 10 digits in '4510260605'; hint: a "
        + "leading zero was probably lost in a spreadsheet (04510260605?); store GEOIDs as text",
        new SourceLocation("observations.csv", 12, 13, "geoId", null), "4510260605");
    Finding xss = new Finding("UNKNOWN_CODE", Severity.ERROR,
        "expected a code of the race-ethnicity codelist in raceEthnicity, found "
        + "'<script>alert(\"x\")</script> & co'",
        new SourceLocation("observations.ndjson", 3, 3, "raceEthnicity", "/raceEthnicity"),
        "<script>alert(\"x\")</script> & co");
    Finding manifest = new Finding("RESOURCE_PATH_UNSAFE", Severity.ERROR,
        "resource path '../secret.csv' is refused (it contains a '..' segment); expected a "
        + "relative path inside the feed",
        new SourceLocation("datapackage.json", 0, 0, "path", "/resources/3/path"), "../secret.csv");
    Finding warn = new Finding("UNRELIABLE_ESTIMATE", Severity.WARNING,
        "coefficient of variation is 48.6% (margin of error 8 for value 10), above 30%",
        new SourceLocation("observations.csv", 40, 41, "moe", null), "8");
    return new ValidationReport(false, "1.0", "civic-equity", "1.0.0-test", "feeds/baltimore",
        new Summary(4, 7, 0, 5210),
        List.of(
            new FindingGroup("GEOID_LENGTH_MISMATCH", Severity.ERROR, 2,
                "A census GEOID must have exactly the digits of its level.", List.of(geo)),
            new FindingGroup("RESOURCE_PATH_UNSAFE", Severity.ERROR, 1,
                "A resource path must be relative and stay inside the feed.", List.of(manifest)),
            new FindingGroup("UNKNOWN_CODE", Severity.ERROR, 1,
                "A coded field holds a code its codelist does not list.", List.of(xss)),
            new FindingGroup("UNRELIABLE_ESTIMATE", Severity.WARNING, 7,
                "The estimate's coefficient of variation is above 30%.", List.of(warn))),
        List.of(new RuleNotRun("SMALL_CELL_NOT_SUPPRESSED", "the manifest declares no suppression policy")),
        List.of(new SystemError("VALUE_OUT_OF_RANGE", "rule VALUE_OUT_OF_RANGE failed: "
            + "java.lang.IllegalStateException: boom", new SourceLocation("observations.csv", 7, 8,
            null, null))));
  }

  static String render(ReportFormat f, ValidationReport r) throws IOException {
    StringWriter w = new StringWriter();
    f.write(r, w);
    return w.toString();
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void matchesItsGoldenFile(ReportFormat format) throws IOException {
    String out = render(format, fixed()).replace("\r\n", "\n");
    Path golden = GOLDEN.resolve("report." + format);
    if (Boolean.getBoolean("civicequity.regenerate")) {
      Files.writeString(golden, out, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n"))
        .as("golden " + golden + " (regenerate with -Dcivicequity.regenerate=true)")
        .isEqualTo(out);
  }

  @Test
  void jsonReportOfARealRunValidatesAgainstTheReportSchema() throws IOException {
    Path feed = Fixtures.feedAround(Fixtures.resource(
        "rules/GEOID_LENGTH_MISMATCH/fail-leading-zero.csv"), temp);
    ValidationReport r = Validator.create().validate(feed);
    for (ValidationReport report : List.of(r, fixed())) {
      JsonNode json = MAPPER.readTree(render(ReportFormat.JSON, report));
      assertThat(SchemaCheck.validate("report.schema.json", json)).isEmpty();
      assertThat(json.get("findings").size()).isEqualTo(report.findings().size());
    }
    JsonNode json = MAPPER.readTree(render(ReportFormat.JSON, r));
    assertThat(json.get("valid").asBoolean()).isFalse();
    JsonNode ex = json.get("findings").get(0).get("examples").get(0);
    assertThat(ex.get("code")).isNull();
    assertThat(json.get("findings").get(0).get("code").asString()).isEqualTo("GEOID_LENGTH_MISMATCH");
    assertThat(ex.get("row").asLong()).isEqualTo(2);
    assertThat(ex.get("line").asLong()).isEqualTo(3);
    assertThat(ex.get("column").asString()).isEqualTo("geoId");
    assertThat(ex.get("value").asString()).isEqualTo("1");
  }

  @Test
  void sarifHasTheShapeOfSarif210() throws IOException {
    JsonNode s = MAPPER.readTree(render(ReportFormat.SARIF, fixed()));
    assertThat(s.get("version").asString()).isEqualTo("2.1.0");
    assertThat(s.get("$schema").asString()).contains("sarif-2.1.0");
    assertThat(s.get("runs").size()).isEqualTo(1);
    JsonNode run = s.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asString()).isEqualTo("civic-equity");
    JsonNode rules = driver.get("rules");
    assertThat(rules.size()).isEqualTo(4);
    for (JsonNode rule : rules) {
      assertThat(rule.get("id").asString()).matches("[A-Z_]+");
      assertThat(rule.get("shortDescription").get("text").asString()).isNotBlank();
      assertThat(rule.get("defaultConfiguration").get("level").asString())
          .isIn("error", "warning", "note");
    }
    JsonNode results = run.get("results");
    assertThat(results.size()).isEqualTo(4);
    for (JsonNode res : results) {
      String id = res.get("ruleId").asString();
      assertThat(rules.get(res.get("ruleIndex").asInt()).get("id").asString()).isEqualTo(id);
      assertThat(res.get("level").asString()).isIn("error", "warning", "note");
      assertThat(res.get("message").get("text").asString()).isNotBlank();
      JsonNode phys = res.get("locations").get(0).get("physicalLocation");
      String uri = phys.get("artifactLocation").get("uri").asString();
      assertThat(uri).startsWith("feeds/baltimore/");
      if (phys.has("region")) {
        assertThat(phys.get("region").get("startLine").asInt()).isGreaterThanOrEqualTo(1);
      }
    }
    JsonNode first = results.get(0).get("locations").get(0).get("physicalLocation");
    assertThat(first.get("artifactLocation").get("uri").asString())
        .isEqualTo("feeds/baltimore/observations.csv");
    assertThat(first.get("region").get("startLine").asInt()).isEqualTo(13);
    JsonNode inv = run.get("invocations").get(0);
    assertThat(inv.get("executionSuccessful").asBoolean()).isFalse();
    assertThat(inv.get("toolExecutionNotifications").size()).isEqualTo(2);
  }

  @Test
  void htmlEscapesEveryValueAndIsSelfContained() throws IOException {
    String html = render(ReportFormat.HTML, fixed());
    assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&quot;x&quot;)")
        .contains("&amp; co");
    assertThat(html).doesNotContain("http://").doesNotContain("src=").doesNotContain("href=");
    assertThat(html.split("<script>", -1)).hasSize(2); // our one inline sorting script
    assertThat(html).contains("class=\"sortable\"");
  }

  @Test
  void textIsGroupedByCodeWithCountsAndLocations() throws IOException {
    String text = render(ReportFormat.TEXT, fixed());
    assertThat(text).contains("INVALID: 4 errors, 7 warnings, 0 infos in 5,210 observation rows");
    assertThat(text).contains("ERROR GEOID_LENGTH_MISMATCH (2)")
        .contains("observations.csv:13 (row 12, geoId): expected a 11-digit GEOID")
        .contains("... and 1 more").contains("Rules not run:").contains("System errors");
    assertThat(Set.of(ReportFormat.values())).hasSize(4);
  }
}
