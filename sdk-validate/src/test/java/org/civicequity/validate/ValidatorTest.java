package org.civicequity.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.internal.input.StandardCodelists;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's contract: settings, caps, system errors, rules not run, in-memory input. */
class ValidatorTest {
  @TempDir
  Path temp;

  static final Indicator POVERTY = new Indicator("poverty-rate", "Poverty rate", "d", "economy",
      "percent", "lower-is-better", null, null, null, null, null, null, null,
      SourceLocation.ofFile("indicators.json").withPointer("/indicators/0"));

  static FeedContext context() {
    return FeedContext.builder().indicators(List.of(POVERTY))
        .codelists(StandardCodelists.all()).build();
  }

  static Observation obs(String geoId, double value, long row) {
    return Observation.builder().indicator("poverty-rate").geoLevel("tract").geoId(geoId)
        .period("2022").value(value).location(SourceLocation.ofRow("memory.csv", row, row + 1))
        .build();
  }

  @Test
  void validatesObservationsInMemory() {
    ValidationReport r = Validator.create().validate(
        Stream.of(obs("24510010100", 20, 1), obs("2451001010", 140, 2)), context());
    assertThat(r.valid()).isFalse();
    assertThat(r.summary().rows()).isEqualTo(2);
    assertThat(r.group("VALUE_OUT_OF_RANGE").examples().get(0).message())
        .isEqualTo("expected a percent value between 0 and 100, found 140");
    Finding geo = r.group("GEOID_LENGTH_MISMATCH").examples().get(0);
    assertThat(geo.message()).contains("a leading zero was probably lost in a spreadsheet");
    assertThat(geo.location()).isEqualTo(new SourceLocation("memory.csv", 2, 3, "geoId", null));
    assertThat(geo.value()).isEqualTo("2451001010");
  }

  @Test
  void countsAreExactAndExamplesCapped() {
    List<Observation> rows = new ArrayList<>();
    for (int i = 1; i <= 500; i++) {
      rows.add(obs("24510010100", 140, i));
    }
    ValidationReport r = Validator.create(ValidatorOptions.defaults().withExampleCap(3))
        .validate(rows, context());
    ValidationReport.FindingGroup g = r.group("VALUE_OUT_OF_RANGE");
    assertThat(g.count()).isEqualTo(500);
    assertThat(g.examples()).hasSize(3);
    assertThat(r.group("DUPLICATE_OBSERVATION").count()).isEqualTo(499);
    assertThat(r.summary().errors()).isEqualTo(999);
  }

  @Test
  void rulesCanBeSwitchedOffOrChangeSeverity() {
    ValidatorOptions o = ValidatorOptions.defaults()
        .withRule("VALUE_OUT_OF_RANGE", RuleSetting.withSeverity(Severity.WARNING))
        .withRule("GEOID_LENGTH_MISMATCH", RuleSetting.off());
    ValidationReport r = Validator.create(o).validate(
        List.of(obs("2451001010", 140, 1)), context());
    assertThat(r.group("GEOID_LENGTH_MISMATCH")).isNull();
    assertThat(r.group("VALUE_OUT_OF_RANGE").severity()).isEqualTo(Severity.WARNING);
    assertThat(r.valid()).isTrue();
    assertThat(r.rulesNotRun()).contains(new ValidationReport.RuleNotRun("GEOID_LENGTH_MISMATCH",
        "switched off by the rule settings"));
    ValidationReport strict = Validator.create(o.withStrict(true)).validate(
        List.of(obs("2451001010", 140, 1)), context());
    assertThat(strict.valid()).isFalse();
  }

  @Test
  void unknownCodesInSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> Validator.create(ValidatorOptions.defaults()
        .withRule("NO_SUCH_RULE", RuleSetting.off())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_SUCH_RULE");
    assertThatThrownBy(() -> RuleSettings.parse("rules.txt", List.of("# comment", "",
        "UNRELIABLE_ESTIMATE=off", "DEPRECATED_CODE = loud")))
        .hasMessage("rules.txt:4: expected off, on, error, warning or info; found ' loud'");
    assertThat(RuleSettings.parse("r", List.of("UNRELIABLE_ESTIMATE: off  # noisy")))
        .containsEntry("UNRELIABLE_ESTIMATE", RuleSetting.off());
  }

  /** A rule with a bug. */
  static final class Broken implements RowRule {
    static final RuleInfo INFO = new RuleInfo("TEST_BROKEN", Severity.ERROR, Layer.SEMANTICS,
        "broken {0}", "A rule that throws on its second row.");
    int calls;

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(Observation o, ValidationContext ctx, Findings out) {
      if (o.location().row() == 2) {
        throw new IllegalStateException("bug in a rule");
      }
    }
  }

  @Test
  void aRuleThatThrowsBecomesASystemErrorAndTheRunGoesOn() {
    Validator v = Validator.builder().addRule(new Broken()).build();
    ValidationReport r = v.validate(List.of(obs("24510010100", 20, 1), obs("24510010200", 20, 2),
        obs("24510010300", 140, 3)), context());
    assertThat(r.systemErrors()).hasSize(1);
    assertThat(r.systemErrors().get(0).code()).isEqualTo("TEST_BROKEN");
    assertThat(r.systemErrors().get(0).message()).contains("bug in a rule");
    assertThat(r.systemErrors().get(0).location().row()).isEqualTo(2);
    assertThat(r.group("VALUE_OUT_OF_RANGE").count()).isEqualTo(1); // row 3 still validated
    assertThat(r.rulesNotRun()).anyMatch(n -> n.code().equals("TEST_BROKEN")
        && n.reason().contains("internal error"));
    assertThat(r.valid()).isFalse();
  }

  @Test
  void aRenamedHeaderColumnIsOneFindingAndNoBogusDuplicates() throws Exception {
    ValidationReport r = Validator.create().validate(Fixtures.feedAround(
        Fixtures.resource("rules/UNKNOWN_FIELD/fail-renamed-key-columns.csv"),
        Files.createTempDirectory(temp, "feed")));
    assertThat(r.group("UNKNOWN_FIELD").count()).isEqualTo(2);
    assertThat(r.group("UNKNOWN_FIELD").examples()).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).startsWith("column 'GEOID' in the header")
            .contains("did you mean geoId?"))
        .anySatisfy(m -> assertThat(m).startsWith("column 'race' in the header")
            .contains("did you mean raceEthnicity?"));
    assertThat(r.group("REQUIRED_FIELD_MISSING").count()).isEqualTo(3);
    assertThat(r.group("DUPLICATE_OBSERVATION")).isNull();
    assertThat(r.examples()).noneMatch(f -> f.message().contains("null"));
  }

  @Test
  void aRenamedKeyColumnGivesNoBogusGroupSumsOrRecoverableSuppression() throws Exception {
    Path csv = temp.resolve("renamed.csv");
    Files.writeString(csv, """
        indicator,geoLevel,GEOID,period,raceEthnicity,value,moe,numerator,denominator,status
        poverty-rate,tract,24510010100,2022,,20,2,200,1000,
        poverty-rate,tract,24510010100,2022,black-alone,30,3,150,500,
        poverty-rate,tract,24510010100,2022,white-alone,10,3,45,450,
        poverty-rate,tract,24510010200,2022,,5,2,50,1000,
        poverty-rate,tract,24510010200,2022,black-alone,,,,,suppressed
        poverty-rate,tract,24510010200,2022,white-alone,5,2,45,900,
        """, StandardCharsets.UTF_8);
    ValidationReport r = Validator.create().validate(Fixtures.feedAround(csv,
        Files.createTempDirectory(temp, "feed")));
    assertThat(r.group("UNKNOWN_FIELD").count()).isEqualTo(1);
    assertThat(r.group("REQUIRED_FIELD_MISSING").count()).isEqualTo(6);
    assertThat(r.group("GROUP_SUM_EXCEEDS_TOTAL")).isNull();
    assertThat(r.group("SUPPRESSION_RECOVERABLE")).isNull();
    assertThat(r.group("DUPLICATE_OBSERVATION")).isNull();
  }

  @Test
  void aSecondDefinitionOfAUsedIndicatorIsADuplicateNotAnUnusedIndicator() throws Exception {
    ValidationReport r = Validator.create().validate(
        Fixtures.resource("rules/DUPLICATE_INDICATOR_ID/fail-defined-twice"));
    assertThat(r.group("DUPLICATE_INDICATOR_ID").count()).isEqualTo(1);
    assertThat(r.group("UNUSED_INDICATOR").examples()).extracting(Finding::message)
        .noneMatch(m -> m.contains("'poverty-rate'"))
        .anyMatch(m -> m.contains("'households'"));
  }

  @Test
  void aMissingFileEveryFeedNeedsIsNotSaidToBeListed() throws Exception {
    Path feed = Files.createTempDirectory(temp, "feed");
    Fixtures.copyTree(Fixtures.resource("rules/RESOURCE_MISSING/pass-all-present"), feed);
    Path manifest = feed.resolve("datapackage.json");
    String m = Files.readString(manifest, StandardCharsets.UTF_8);
    String unlisted = m.replaceAll("\\{[^{}]*\"indicators\\.json\"[^{}]*\\},?", "");
    assertThat(unlisted).doesNotContain("indicators.json");
    Files.writeString(manifest, unlisted, StandardCharsets.UTF_8);
    Files.delete(feed.resolve("indicators.json"));
    ValidationReport r = Validator.create().validate(feed);
    assertThat(r.group("RESOURCE_MISSING").examples()).singleElement().satisfies(f -> {
      assertThat(f.message()).isEqualTo("the feed has no indicators.json, a file every feed needs; expected it in "
          + "the feed's folder (names are case-sensitive)");
      assertThat(f.location().file()).isEqualTo("indicators.json");
    });
  }

  @Test
  void contentAfterTheEndOfAJsonDocumentIsSaidInPlainWords() throws Exception {
    Path feed = Files.createTempDirectory(temp, "feed");
    Fixtures.copyTree(Fixtures.resource("rules/RESOURCE_MISSING/pass-all-present"), feed);
    Path manifest = feed.resolve("datapackage.json");
    String m = Files.readString(manifest, StandardCharsets.UTF_8).stripTrailing();
    long lines = m.lines().count();
    Files.writeString(manifest, m + "\n{\"name\": \"second\"}\n", StandardCharsets.UTF_8);
    ValidationReport r = Validator.create().validate(feed);
    assertThat(r.group("JSON_SYNTAX_ERROR").examples()).singleElement().satisfies(f -> {
      assertThat(f.message()).startsWith("datapackage.json: unexpected content after the end of the JSON document")
          .doesNotContain("JsonToken").doesNotContain("jackson");
      assertThat(f.location().file()).isEqualTo("datapackage.json");
      assertThat(f.location().line()).isEqualTo(lines + 1);
    });
  }

  @Test
  void controlCharactersInAValueAreVisibleInTheMessage() throws Exception {
    ValidationReport r = Validator.create().validate(Fixtures.feedAround(
        Fixtures.resource("corpus/csv-nul-in-indicator.csv"), Files.createTempDirectory(temp, "feed")));
    assertThat(r.examples()).isNotEmpty().allSatisfy(f -> assertThat(f.message()).doesNotContain("\u0000"));
    assertThat(r.examples()).anySatisfy(f -> assertThat(f.message()).contains("\\u0000"));
  }

  @Test
  void schemaViolationsOfTheManifestAndIndicatorsNameTheMemberNotARowTemplate() throws Exception {
    Path feed = Fixtures.feedAround(Fixtures.resource("rules/UNKNOWN_FIELD/pass-extension-column.csv"),
        Files.createTempDirectory(temp, "feed"));
    Path manifest = feed.resolve("datapackage.json");
    String m = Files.readString(manifest, StandardCharsets.UTF_8)
        .replace("\"name\": \"test-feed\",", "\"profile\": \"tabular-data-package\",")
        .replace("https://civicequity.org/schema/1.0/datapackage.schema.json",
            "https://datapackage.org/profiles/1.0/datapackage.json")
        .replace("\"licenses\": [{\"name\": \"CC-BY-4.0\"}]", "\"licenses\": [{\"name\": \"CC BY 4.0\"}]")
        .replace("\"geoLevel\": \"county\", \"geoId\": \"24510\"", "\"geoLevel\": \"city\", \"geoId\": \"24510\"")
        .replace("{\"name\": \"indicators\", \"path\": \"indicators.json\", \"format\": \"json\"}",
            "{\"name\": \"indicators\", \"path\": \"indicators.json\", \"format\": \"json\", \"bytes\": \"12\"}");
    Files.writeString(manifest, m, StandardCharsets.UTF_8);
    ValidationReport r = Validator.create().validate(feed);
    assertThat(r.group("REQUIRED_FIELD_MISSING").examples()).extracting(Finding::message)
        .containsExactly("required member 'name' is missing at the top level; expected a value");
    assertThat(r.group("UNKNOWN_FIELD").examples()).extracting(Finding::message)
        .containsExactly("member 'profile' (at the top level) is not defined by the standard; expected a member "
            + "the schema defines (check the spelling and letter case), or an extension whose name starts with x-");
    assertThat(r.group("UNKNOWN_CODE").examples()).extracting(Finding::message).satisfiesExactlyInAnyOrder(
        s -> assertThat(s).startsWith("member '$schema' (in /$schema) does not have a value in the enumeration")
            .endsWith("found 'https://datapackage.org/profiles/1.0/datapackage.json'"),
        s -> assertThat(s).startsWith("member 'geoLevel' (in /civicEquity/publisher/jurisdiction/geoLevel) "
            + "does not have a value in the enumeration [\"nation\"").endsWith("found 'city'"));
    assertThat(r.group("WRONG_TYPE").examples()).extracting(Finding::message)
        .containsExactly("member 'bytes' (in /resources/0/bytes) has the wrong type: string found, integer "
            + "expected; found '12'");
    assertThat(r.group("SCHEMA_VIOLATION").examples()).extracting(Finding::message)
        .containsExactly("name (in /licenses/0/name) does not match the regex pattern ^[-a-zA-Z0-9._]+$; "
            + "found 'CC BY 4.0'");
    assertThat(r.group("SCHEMA_VIOLATION").examples().get(0).location())
        .isEqualTo(new SourceLocation("datapackage.json", 0, 0, "name", "/licenses/0/name"));

    Path indicators = feed.resolve("indicators.json");
    String ind = Files.readString(indicators, StandardCharsets.UTF_8);
    Files.writeString(indicators, ind.replaceFirst("\"unit\": \"percent\"", "\"units\": \"percent\""),
        StandardCharsets.UTF_8);
    Files.writeString(manifest, Files.readString(Fixtures.resource("rules/_feed/datapackage.json"))
        .replace("OBSERVATIONS", "observations.csv").replace("FORMAT", "csv"), StandardCharsets.UTF_8);
    ValidationReport i = Validator.create().validate(feed);
    assertThat(i.group("UNKNOWN_FIELD").examples()).extracting(Finding::message).singleElement()
        .asString().startsWith("member 'units' (in /indicators/0) is not defined by the standard");
    assertThat(i.group("REQUIRED_FIELD_MISSING").examples()).extracting(Finding::message)
        .containsExactly("required member 'unit' is missing in /indicators/0; expected a value");
  }

  @Test
  void aShortTractInGeographiesGetsTheLeadingZeroHintNamingTheId() throws Exception {
    ValidationReport r = Validator.create().validate(
        Fixtures.resource("rules/GEOID_LENGTH_MISMATCH/fail-geographies-tract"));
    assertThat(r.group("GEOID_LENGTH_MISMATCH").examples()).singleElement().satisfies(f -> {
      assertThat(f.message()).contains("'2451001010'").contains("a leading zero was probably lost");
      assertThat(f.location()).isEqualTo(new SourceLocation("geographies.csv", 1, 2, "tracts", null));
    });
    assertThat(r.group("SCHEMA_VIOLATION")).isNull();
  }

  @Test
  void spreadsheetMangledCellsGetAHint() throws Exception {
    ValidationReport r = Validator.create().validate(Fixtures.feedAround(
        Fixtures.resource("rules/WRONG_TYPE/fail-spreadsheet-formatted.csv"),
        Files.createTempDirectory(temp, "feed")));
    assertThat(r.group("WRONG_TYPE").examples()).extracting(Finding::message).containsExactly(
        "expected a finite number in value, found '58,350'; hint: remove the thousands separator"
            + " (the commas); write the plain number",
        "expected a finite number in value, found '24.9%'; hint: remove the percent sign (the "
            + "indicator's unit says it is a percent; write 24.9, not 24.9%)",
        "expected a finite number in numerator, found '83,913'; hint: remove the thousands "
            + "separator (the commas); write the plain number");
    ValidationReport g = Validator.create().validate(Fixtures.feedAround(
        Fixtures.resource("rules/GEOID_LENGTH_MISMATCH/fail-excel-mangled.csv"),
        Files.createTempDirectory(temp, "feed")));
    assertThat(g.group("GEOID_LENGTH_MISMATCH").examples()).extracting(Finding::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("'2.45101E+10'")
                .contains("Excel turned the id into a number in scientific notation"),
            m -> assertThat(m).contains("'=\"24510080600\"'")
                .contains("an Excel formula-wrapped id"));
  }

  @Test
  void rulesNotRunSayTheManifestCouldNotBeRead() throws Exception {
    Path feed = Fixtures.feedAround(
        Fixtures.resource("rules/GEO_OUTSIDE_JURISDICTION/pass-inside-and-above.csv"),
        Files.createTempDirectory(temp, "feed"));
    Files.writeString(feed.resolve("datapackage.json"), "{\"name\": \"test-feed\", \"resources\": [",
        StandardCharsets.UTF_8);
    ValidationReport r = Validator.create().validate(feed);
    assertThat(r.group("JSON_SYNTAX_ERROR")).isNotNull();
    for (String code : List.of("GEO_OUTSIDE_JURISDICTION", "SMALL_CELL_NOT_SUPPRESSED",
        "SUPPRESSION_RECOVERABLE")) {
      assertThat(r.rulesNotRun()).as(code).anyMatch(n -> n.code().equals(code)
          && n.reason().contains("datapackage.json could not be read")
          && !n.reason().contains("names no jurisdiction"));
    }
  }

  @Test
  void keyedRulesAreSkippedAfterSyntaxErrorsAndSaySo() throws Exception {
    Path f = temp.resolve("observations.csv");
    Files.writeString(f, "indicator,geoLevel,geoId,period,value\n"
        + "poverty-rate,tract,24510010100,2022,20\n"
        + "poverty-rate,tract,24510010100,2022\n"
        + "poverty-rate,tract,24510010100,2022,20\n", StandardCharsets.UTF_8);
    ValidationReport r = Validator.create().validate(f);
    assertThat(r.group("ROW_LENGTH_MISMATCH").count()).isEqualTo(1);
    assertThat(r.group("DUPLICATE_OBSERVATION")).isNull();
    assertThat(r.rulesNotRun()).anyMatch(n -> n.code().equals("DUPLICATE_OBSERVATION")
        && n.reason().contains("1 syntax error in observations.csv"));
    assertThat(r.rulesNotRun()).anyMatch(n -> n.code().equals("RESOURCE_CHECKSUM_MISMATCH")
        && n.reason().contains("bare observations file"));
  }

  @Test
  void oneValidatorServesManyThreads() throws Exception {
    Validator v = Validator.create();
    List<Observation> rows = new ArrayList<>();
    for (int i = 1; i <= 2000; i++) {
      rows.add(obs(String.format("24510%06d", i % 700), i % 150, i));
    }
    ValidationReport expected = v.validate(rows, context());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ValidationReport>> fs = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        fs.add(pool.submit(() -> v.validate(rows, context())));
      }
      for (Future<ValidationReport> f : fs) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deprecatedCodesNameTheirReplacementAndNeverMena() {
    Observation api = Observation.builder().indicator("poverty-rate").geoLevel("tract")
        .geoId("24510010100").period("2022").raceEthnicity("api").value(20.0).build();
    Observation other = Observation.builder().indicator("poverty-rate").geoLevel("tract")
        .geoId("24510010100").period("2022").raceEthnicity("white-alone-incl-mena").value(20.0)
        .build();
    ValidationReport r = Validator.create().validate(List.of(api, other), context());
    List<String> msgs = r.group("DEPRECATED_CODE").examples().stream().map(Finding::message)
        .toList();
    assertThat(msgs.get(0)).contains("use asian-alone or nhpi-alone");
    assertThat(msgs.get(1)).contains("use white-alone");
    for (String m : msgs) {
      String suggestion = m.substring(m.indexOf("use ") + 4, m.indexOf(" instead"));
      assertThat(suggestion).doesNotContain("mena");
    }
  }

  @Test
  void unreadableInputIsOneLine() {
    assertThatThrownBy(() -> Validator.create().validate(temp.resolve("nope")))
        .isInstanceOf(UnreadableInputException.class).hasMessageEndingWith("no such file or directory");
    assertThatThrownBy(() -> Validator.create().validate(Files.writeString(temp.resolve("x.txt"), "a")))
        .isInstanceOf(UnreadableInputException.class).hasMessageContaining("cannot tell what this is");
  }
}
