package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.junit.jupiter.api.Test;

/**
 * The significance flag on the federation example's real data equals the Census Bureau's
 * difference test computed directly from the published estimates and margins of error: the ACS
 * 2019 1-year county extract in {@code examples/data/real/} (U.S. Census Bureau, public domain;
 * provenance in that folder's SOURCES.md), median household income by race iteration (B19013A–I)
 * and the poverty rate by race (S1701 column 3), every group of 840 counties against White alone,
 * not Hispanic.
 */
class CensusDifferenceTestOnAcsDataTest {
  static final Path ACS = Path.of("..", "examples", "data", "real", "acs1-2019-county-race-moe.csv");
  static final String REFERENCE = "white-alone-nh";

  /** Column stem (estimate = stem + "E", MOE = stem + "M") by indicator and group. */
  static final Map<String, Map<String, String>> COLUMNS = Map.of(
      "median-household-income", Map.of(
          "white-alone-incl-mena", "B19013A_001", "black-alone", "B19013B_001",
          "aian-alone", "B19013C_001", "asian-alone", "B19013D_001", "nhpi-alone", "B19013E_001",
          "some-other-race", "B19013F_001", "multiracial", "B19013G_001",
          "white-alone-nh", "B19013H_001", "hispanic-aoic", "B19013I_001"),
      "poverty-rate", Map.of(
          "white-alone-incl-mena", "S1701_C03_013", "black-alone", "S1701_C03_014",
          "aian-alone", "S1701_C03_015", "asian-alone", "S1701_C03_016", "nhpi-alone", "S1701_C03_017",
          "some-other-race", "S1701_C03_018", "multiracial", "S1701_C03_019",
          "hispanic-aoic", "S1701_C03_020", "white-alone-nh", "S1701_C03_021"));

  /** A published estimate, or null for NA, top-codes (250,000+) and other jam values. */
  static Double number(CSVRecord r, String column) {
    String s = r.get(column).strip();
    if (s.isEmpty() || s.equals("NA") || s.equals("250001") || !s.matches("-?[0-9.]+")) {
      return null;
    }
    double d = Double.parseDouble(s);
    return d < 0 ? null : d;
  }

  @Test
  void significanceEqualsTheCensusTestOnEveryCountyAndGroup() throws IOException, SQLException {
    Map<String, CSVRecord> byCounty = new HashMap<>();
    List<Observation> observations = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(ACS, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      for (CSVRecord r : p) {
        String county = r.get("stco_code");
        byCounty.put(county, r);
        COLUMNS.forEach((indicator, groups) -> groups.forEach((group, stem) -> {
          Double v = number(r, stem + "E");
          Double m = number(r, stem + "M");
          if (v != null && m != null) {
            observations.add(Observation.builder().indicator(indicator).geoLevel("county")
                .geoId(county).geoName(r.get("stco_name")).period("2019").raceEthnicity(group)
                .value(v).moe(m).build());
          }
        }));
      }
    }
    assertThat(byCounty).hasSize(840);
    List<Indicator> catalogue = List.of(
        Fixtures.indicator("median-household-income", "currency-usd", "higher-is-better", null, 0.90),
        Fixtures.indicator("poverty-rate", "percent", "lower-is-better", null, 0.90));
    try (FederationStore store = FederationStore.inMemory()) {
      Fixtures.load(store, Fixtures.harvested("acs", observations.size()), catalogue, observations);
      Comparer.compare(store, catalogue, CompareOptions.defaults().withReferenceGroup(REFERENCE));
      int checked = 0;
      int significant = 0;
      String sql = "SELECT indicator, geoId, \"group\", z, significant FROM comparison"
          + " WHERE referenceGroup IS NOT NULL AND \"group\" <> '" + REFERENCE + "'";
      try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          CSVRecord r = byCounty.get(rs.getString("geoId"));
          Map<String, String> stems = COLUMNS.get(rs.getString("indicator"));
          double x1 = number(r, stems.get(rs.getString("group")) + "E");
          double m1 = number(r, stems.get(rs.getString("group")) + "M");
          double x2 = number(r, stems.get(REFERENCE) + "E");
          double m2 = number(r, stems.get(REFERENCE) + "M");
          // Census, "Instructions for Applying Statistical Testing to ACS Data": SE = MOE/1.645,
          // Z = (X1 - X2) / sqrt(SE1^2 + SE2^2), significant at 90% when |Z| > 1.645.
          double z = (x1 - x2) / Math.sqrt(Math.pow(m1 / 1.645, 2) + Math.pow(m2 / 1.645, 2));
          assertThat(rs.getDouble("z")).as(rs.getString("geoId") + " " + rs.getString("group"))
              .isCloseTo(z, within(1e-9 * Math.max(1, Math.abs(z))));
          assertThat(rs.getBoolean("significant")).as(rs.getString("geoId") + " " + rs.getString("group"))
              .isEqualTo(Math.abs(z) > 1.645);
          checked++;
          significant += Math.abs(z) > 1.645 ? 1 : 0;
        }
      }
      // every county and group with both estimates published was tested, both outcomes occur
      assertThat(checked).isGreaterThan(3000);
      assertThat(significant).isBetween(checked / 10, checked - checked / 10);
    }
  }
}
