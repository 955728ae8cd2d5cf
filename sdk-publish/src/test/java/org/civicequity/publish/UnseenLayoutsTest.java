package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.civicequity.core.Observation;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidatorOptions;
import org.junit.jupiter.api.Test;

/**
 * The shipped recipes and a hand-written mapping on files in layouts they were not developed
 * against (samples/unseen, see samples/SOURCES.md): each gives a valid conversion, or a located
 * conversion problem, and never a number from a marker.
 */
class UnseenLayoutsTest {
  private static ValidationReport valid(Conversion c) {
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    ValidationReport r = SourceFolder.validate(c, ValidatorOptions.defaults());
    assertThat(r.summary().errors()).as(r.findings().toString()).isZero();
    return r;
  }

  @Test
  void dataCensusGovDownloadWithTrailingCommaLabelRowAndJamValues() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/unseen/acs-b19013-datacensusgov-2023.csv"),
        Mapping.load("acs-table").withConstants(Map.of("period", "2018/2022")));
    valid(c);
    assertThat(c.observations()).hasSize(12).allSatisfy(o -> {
      assertThat(o.indicator()).isEqualTo("acs-b19013-001");
      assertThat(o.geoLevel()).isEqualTo("tract");
      assertThat(o.geoId()).matches("24510010[1-4]00");
      assertThat(o.geoName()).contains("; Baltimore city; Maryland");
    });
    assertThat(c.observations()).extracting(Observation::raceEthnicity).containsOnly(null, "black-alone",
        "white-alone-nh");
    Observation first = c.observations().get(0);
    assertThat(first.value()).isEqualTo(103438.0);
    assertThat(first.moe()).isEqualTo(20116.0);
    // '-' with '**', top-coded '250,000+' with '***', 'null', '(X)': a status and a note, no number
    assertThat(c.observations()).filteredOn(o -> o.value() == null).extracting(Observation::status)
        .containsExactly("not-available", "not-available", "not-available", "not-available", "not-available",
            "not-applicable");
    assertThat(c.observations().get(5).note()).contains("top-coded");
    // '*****' as a margin of error: a controlled estimate, MOE 0
    assertThat(c.observations().get(9).moe()).isEqualTo(0.0);
    assertThat(c.observations().get(9).location().line()).isEqualTo(6);
  }

  @Test
  void bniaVitalSignsCsa2020ExportWithArcGisColumns() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/unseen/bnia-vs-hhchpov-csa2020.csv"),
        Mapping.recipe("bnia-vital-signs"));
    valid(c);
    assertThat(c.indicators()).extracting(i -> i.id()).containsExactlyInAnyOrder("children-in-poverty",
        "median-household-income");
    assertThat(c.observations()).hasSize(20);
    assertThat(c.geographies()).extracting(g -> g.geoId()).containsExactlyInAnyOrder("allendale-irvington-s-hilton",
        "beechfield-ten-hills-west-hills", "hamilton-hills", "greektown-bayview");
    assertThat(c.observations()).filteredOn(o -> o.geoId().equals("hamilton-hills")
        && o.indicator().equals("children-in-poverty")).extracting(Observation::period, Observation::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("2014/2018", 8.5),
            org.assertj.core.groups.Tuple.tuple("2015/2019", null),
            org.assertj.core.groups.Tuple.tuple("2016/2020", 7.9),
            org.assertj.core.groups.Tuple.tuple("2017/2021", 6.2));
    assertThat(c.observations()).noneMatch(o -> o.value() != null && o.value() > 1e6);
  }

  @Test
  void cdcWonderSingleRaceExportWithQuotedThousandsAndSeveralNoteBlocks() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/unseen/wonder-ucd-county-single-race.txt"),
        Mapping.recipe("cdc-wonder").withConstants(Map.of("period", "2018/2022")));
    valid(c);
    assertThat(c.observations()).hasSize(5);
    Observation black = c.observations().get(0);
    assertThat(black.numerator()).isEqualTo(4521.0);
    assertThat(black.denominator()).isEqualTo(1234567.0);
    Observation asian = c.observations().get(1);
    assertThat(asian.status()).isEqualTo("unreliable");
    assertThat(asian.value()).isEqualTo(31.0);
    Observation nhpi = c.observations().get(2);
    assertThat(nhpi.status()).isEqualTo("suppressed");
    assertThat(nhpi.value()).isNull();
    assertThat(nhpi.numerator()).isNull();
    Observation total = c.observations().get(4);
    assertThat(total.raceEthnicity()).isNull();
    assertThat(total.numerator()).isEqualTo(7539.0);
  }

  @Test
  void cityHealthDashboardTractFileNamesTheUndeclaredMetricWhereItIs() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/unseen/chd-tract-long.csv"),
        Mapping.recipe("city-health-dashboard"));
    assertThat(c.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("UNKNOWN_INDICATOR_CODE");
      assertThat(p.location().line()).isEqualTo(5);
      assertThat(p.location().column()).isEqualTo("metric_name");
      assertThat(p.message()).contains("'Lead Exposure Risk Index'").contains("\"extends\": \"recipe:city-health-dashboard\"");
    });
    assertThat(c.observations()).extracting(Observation::geoId).containsExactly("24510010100", "24510010100",
        "24510080600");
    assertThat(c.observations()).extracting(Observation::period).containsExactly("2018/2022", "2018/2022", "2022");
    assertThat(c.observations().get(1).raceEthnicity()).isEqualTo("black-alone-nh");
    assertThat(c.observations().get(1).status()).isEqualTo("not-available");
  }

  @Test
  void windows1252SpreadsheetWithAHandWrittenMapping() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/unseen/city-uninsured-cp1252.csv"),
        Mapping.load(TestFiles.resource("samples/unseen/city-uninsured.mapping.json")));
    valid(c);
    assertThat(c.observations()).extracting(Observation::geoName).containsExactly(
        "Census Tract 101 \u2013 Canton", "Census Tract 101 \u2013 Canton", "Census Tract 806 \u2013 Pe\u00f1a Park");
    assertThat(c.observations()).extracting(Observation::note).containsExactly("Estimaci\u00f3n", null,
        "Caf\u00e9 \u201cnote\u201d");
    assertThat(c.observations()).extracting(Observation::raceEthnicity).isEqualTo(List.of("hispanic-aoic",
        "white-alone-nh", "black-alone"));
  }

  @Test
  void censusApiLayoutWithoutGeoIdSaysWhichColumnIsMissingNotWhichLevel() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/unseen/census-api-tracts.csv"),
        Mapping.recipe("acs-table").withConstants(Map.of("period", "2018/2022")));
    assertThat(c.problems()).first().satisfies(p -> {
      assertThat(p.code()).isEqualTo("COLUMN_NOT_FOUND");
      assertThat(p.location().line()).isEqualTo(1);
      assertThat(p.message()).contains("'geoId'").contains("state, county, tract");
    });
    assertThat(c.problems()).filteredOn(p -> p.code().equals("MISSING_FIELD")).isNotEmpty()
        .allSatisfy(p -> assertThat(p.message()).startsWith("the observation has no geoId"));
    assertThat(c.observations()).isEmpty();
  }

  @Test
  void theCitywideRowOfABniaTableIsSkippedWithANoteNotAnErrorWithWrongAdvice() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/unseen/bnia-vs-with-city-row.csv"),
        Mapping.recipe("bnia-vital-signs"));
    valid(c);
    assertThat(c.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("NOT_AN_AREA");
      assertThat(p.severity()).isEqualTo(ConversionProblem.Severity.INFO);
      assertThat(p.location().line()).isEqualTo(4);
      assertThat(p.location().column()).isEqualTo("CSA2020");
      assertThat(p.message()).contains("'Baltimore City' is skipped").doesNotContain("aliases");
    });
    assertThat(c.observations()).extracting(Observation::geoId).containsOnly("allendale-irvington-s-hilton",
        "orchard-ridge-armistead").hasSize(4);
  }
}
