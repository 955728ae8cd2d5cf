package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.civicequity.federate.Fixtures.harvested;
import static org.civicequity.federate.Fixtures.indicator;
import static org.civicequity.federate.Fixtures.obs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicequity.core.Observation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComparerTest {
  private FederationStore store;

  @BeforeEach
  void setUp() {
    store = FederationStore.inMemory();
    Fixtures.sample(store);
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void comparesAlignedGroupsWithTheBestGroupAsReference() throws SQLException {
    ComparisonResult r = Comparer.compare(store, Fixtures.catalogue(), CompareOptions.defaults());
    assertThat(r.comparisonRows()).isEqualTo(5);
    assertThat(r.summaryRows()).isEqualTo(2);
    assertThat(r.jurisdictions()).isEqualTo(2);

    Map<String, Map<String, Object>> rows = rows(
        "SELECT * FROM comparison ORDER BY jurisdiction, \"group\"", "jurisdiction", "group");
    Map<String, Object> black = rows.get("24510|black-alone");
    assertThat(black.get("indicator")).isEqualTo("poverty-rate");
    assertThat(black.get("referenceGroup")).isEqualTo("white-alone-nh");
    assertThat((double) black.get("referenceValue")).isEqualTo(10.0);
    assertThat((double) black.get("ratio")).isEqualTo(2.0);
    assertThat((double) black.get("difference")).isEqualTo(10.0);
    // Census test: (20 − 10) / √((2/1.645)² + (1.5/1.645)²) = 10·1.645/2.5
    assertThat((double) black.get("z")).isCloseTo(6.58, within(1e-12));
    assertThat(black.get("significant")).isEqualTo(true);
    Map<String, Object> hispanic = rows.get("24510|hispanic");
    // (15 − 10)·1.645/√(25 + 2.25) = 1.5757…: not significant
    assertThat((double) hispanic.get("z")).isCloseTo(5 * 1.645 / Math.sqrt(27.25), within(1e-12));
    assertThat(hispanic.get("significant")).isEqualTo(false);
    Map<String, Object> ref = rows.get("24510|white-alone-nh");
    assertThat((double) ref.get("ratio")).isEqualTo(1.0);
    assertThat((double) ref.get("z")).isZero();
    assertThat(ref.get("significant")).isEqualTo(false);

    Map<String, Map<String, Object>> summary = rows(
        "SELECT * FROM summary ORDER BY jurisdiction", "jurisdiction");
    Map<String, Object> a = summary.get("24510");
    double[] v = {20, 15, 10};
    double[] w = {1000, 500, 2000};
    assertThat(a.get("weighted")).isEqualTo(true);
    assertThat((double) a.get("indexOfDisparity")).isCloseTo(
        DisparityMeasures.indexOfDisparity(v, w, 10).getAsDouble(), within(1e-12));
    assertThat((double) a.get("indexOfDisparity")).isCloseTo(100 * (10 * 1000 + 5 * 500) / 3500.0 / 10,
        within(1e-12));
    assertThat((double) a.get("betweenGroupVariance")).isCloseTo(
        DisparityMeasures.betweenGroupVariance(v, w).getAsDouble(), within(1e-12));
    assertThat((double) a.get("theil")).isCloseTo(DisparityMeasures.theil(v, w).getAsDouble(), within(1e-12));
    assertThat((double) a.get("meanLogDeviation")).isCloseTo(
        DisparityMeasures.meanLogDeviation(v, w).getAsDouble(), within(1e-12));
    Map<String, Object> b = summary.get("24005");
    assertThat(b.get("weighted")).isEqualTo(false);
    assertThat((double) b.get("indexOfDisparity")).isCloseTo(25.0, within(1e-12));
    assertThat(b.get("rank")).isEqualTo(1);
    assertThat(a.get("rank")).isEqualTo(2);
  }

  @Test
  void reportsWhyObservationsWereNotCompared() throws SQLException {
    ComparisonResult r = Comparer.compare(store, Fixtures.catalogue(), CompareOptions.defaults());
    assertThat(r.notCompared()).containsOnly(
        Map.entry("TOTAL", 1L), Map.entry("OTHER_BREAKDOWN", 1L), Map.entry("NO_VALUE", 1L),
        Map.entry("NOT_IN_CATALOGUE", 1L), Map.entry("UNKNOWN_INDICATOR", 1L),
        Map.entry("UNIT_MISMATCH", 1L), Map.entry("NO_OTHER_JURISDICTION", 2L));
    Map<String, Map<String, Object>> nc = rows("SELECT * FROM not_compared", "member", "reason");
    assertThat((String) nc.get("county-b|NO_OTHER_JURISDICTION").get("detail"))
        .isEqualTo("no other jurisdiction has poverty-rate (percent) for 2018 at level county;"
            + " others have it at this level for 2019");
    assertThat((String) nc.get("county-c|UNIT_MISMATCH").get("detail"))
        .isEqualTo("unit proportion; poverty-rate is measured in percent");
    assertThat((String) nc.get("county-a|OTHER_BREAKDOWN").get("detail"))
        .isEqualTo("disaggregated by sex; this comparison is by raceEthnicity");
    assertThat((String) nc.get("county-a|NO_VALUE").get("detail")).isEqualTo("no value (status suppressed)");
    assertThat((String) nc.get("county-a|NOT_IN_CATALOGUE").get("detail"))
        .contains("local-thing has no equivalentTo");
    assertThat(store.count("not_compared")).isEqualTo(7);
  }

  @Test
  void requestedReferenceGroupAndMissingReference() throws SQLException {
    ComparisonResult r = Comparer.compare(store, Fixtures.catalogue(),
        CompareOptions.defaults().withReferenceGroup("hispanic"));
    assertThat(r.setsWithoutReference()).isEqualTo(1);
    Map<String, Map<String, Object>> rows = rows("SELECT * FROM comparison", "jurisdiction", "group");
    assertThat(rows.get("24510|black-alone").get("referenceGroup")).isEqualTo("hispanic");
    assertThat((double) rows.get("24510|black-alone").get("ratio")).isCloseTo(20 / 15.0, within(1e-15));
    assertThat(rows.get("24005|black-alone").get("referenceGroup")).isNull();
    assertThat(rows.get("24005|black-alone").get("ratio")).isNull();
    Map<String, Map<String, Object>> summary = rows("SELECT * FROM summary", "jurisdiction");
    assertThat(summary.get("24005").get("indexOfDisparity")).isNull();
    assertThat(summary.get("24005").get("rank")).isNull();
    assertThat(summary.get("24005").get("theil")).isNotNull();
    assertThat(summary.get("24510").get("rank")).isEqualTo(1);
  }

  @Test
  void indicatorSelectionAndNamesOfJurisdictions() throws SQLException {
    Fixtures.load(store, harvested("county-e", 0),
        List.of(indicator("median-household-income", "currency-usd", "higher-is-better", null, null)),
        List.of(
            Observation.builder().indicator("median-household-income").geoLevel("county")
                .geoId("24510").geoName("Baltimore city").period("2019").raceEthnicity("black-alone")
                .value(40000.0).moe(2000.0).build(),
            Observation.builder().indicator("median-household-income").geoLevel("county")
                .geoId("24510").geoName("Baltimore city").period("2019")
                .raceEthnicity("white-alone-nh").value(70000.0).moe(3000.0).build()));
    Fixtures.load(store, harvested("county-f", 0),
        List.of(indicator("median-household-income", "currency-usd", "higher-is-better", null, null)),
        List.of(
            Observation.builder().indicator("median-household-income").geoLevel("county")
                .geoId("24510").geoName("Baltimore city").period("2019").raceEthnicity("black-alone")
                .value(41000.0).moe(2000.0).build()));
    ComparisonResult r = Comparer.compare(store, Fixtures.catalogue(),
        CompareOptions.defaults().withIndicators(Set.of("median-household-income")));
    assertThat(r.notCompared()).containsEntry("NOT_SELECTED", 11L);
    Map<String, Map<String, Object>> rows = rows("SELECT * FROM comparison", "jurisdiction", "group");
    assertThat(rows.keySet()).containsExactlyInAnyOrder(
        "Baltimore city [county-e]|black-alone", "Baltimore city [county-e]|white-alone-nh",
        "Baltimore city [county-f]|black-alone");
    Map<String, Object> e = rows.get("Baltimore city [county-e]|black-alone");
    assertThat(e.get("referenceGroup")).isEqualTo("white-alone-nh");
    assertThat((double) e.get("difference")).isEqualTo(-30000.0);
    assertThat(e.get("significant")).isEqualTo(true);
  }

  @Test
  void aSinglePopulationGroupHasNoMeasuresAndNoRank() throws SQLException {
    Fixtures.load(store, harvested("county-g", 0),
        List.of(indicator("poverty-rate", "percent", "lower-is-better", null, null)),
        List.of(obs("poverty-rate", "county", "24009", "2019", "white-alone-nh", 4.0, 1.0, null),
            obs("poverty-rate", "county", "24009", "2019", "white-alone", 4.5, 1.0, null)));
    Comparer.compare(store, Fixtures.catalogue(), CompareOptions.defaults());
    Map<String, Object> g = rows("SELECT * FROM summary", "jurisdiction").get("24009");
    assertThat(g.get("groups")).isEqualTo(2); // two codes, one population group
    assertThat(g.get("indexOfDisparity")).isNull();
    assertThat(g.get("betweenGroupVariance")).isNull();
    assertThat(g.get("rank")).isNull();
    Map<String, Object> row = rows("SELECT * FROM comparison", "jurisdiction", "group")
        .get("24009|white-alone-nh");
    assertThat(row.get("referenceGroup")).isEqualTo("white-alone-nh");
    assertThat((double) row.get("ratio")).isEqualTo(1.0);
  }

  private Map<String, Map<String, Object>> rows(String sql, String... key) throws SQLException {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    try (Statement s = store.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= n; i++) {
          row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
        }
        List<String> k = new ArrayList<>();
        for (String part : key) {
          k.add(String.valueOf(row.get(part)));
        }
        out.put(String.join("|", k), row);
      }
    }
    return out;
  }
}
