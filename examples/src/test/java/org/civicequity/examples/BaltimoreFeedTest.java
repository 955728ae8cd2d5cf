package org.civicequity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Baltimore violent-crime feed is a faithful, self-contained copy of the BNIA-JFI data: every
 * area it uses is defined with real tract GEOIDs, and every value is the source's, unchanged.
 */
class BaltimoreFeedTest {

  static final Path FEED = ExampleFeeds.FEEDS.resolve("baltimore-violent-crime");

  static final ExampleFeeds.Table GEOGRAPHIES = ExampleFeeds.readCsv(FEED.resolve("geographies.csv"));

  static final ExampleFeeds.Table OBSERVATIONS = ExampleFeeds.readCsv(FEED.resolve("observations.csv"));

  static Map<String, ExampleFeeds.Row> areasById() {
    Map<String, ExampleFeeds.Row> areas = new LinkedHashMap<>();
    for (ExampleFeeds.Row row : GEOGRAPHIES.rows()) {
      assertThat(areas.put(row.get("geoId"), row)).as("geoId %s is defined once", row.get("geoId"))
          .isNull();
    }
    return areas;
  }

  static List<String> tracts(String cell) {
    return cell.isEmpty() ? List.of() : Arrays.asList(cell.split(" "));
  }

  @Test
  void everyGeoIdOfTheObservationsIsDefined() {
    Set<String> defined = areasById().keySet();
    List<String> undefined = new ArrayList<>();
    for (ExampleFeeds.Row row : OBSERVATIONS.rows()) {
      assertThat(row.get("geoLevel")).as("row %d", row.row()).isEqualTo("custom");
      if (!defined.contains(row.get("geoId"))) {
        undefined.add("observations.csv row " + row.row() + ": " + row.get("geoId"));
      }
    }
    assertThat(undefined).isEmpty();
    Set<String> used = new HashSet<>();
    OBSERVATIONS.rows().forEach(r -> used.add(r.get("geoId")));
    assertThat(used).as("every defined area is used").containsExactlyInAnyOrderElementsOf(defined);
  }

  @Test
  void everyTractIsAnElevenDigitGeoidOfBaltimoreCity() {
    for (ExampleFeeds.Row area : GEOGRAPHIES.rows()) {
      assertThat(area.get("parentGeoId")).isEqualTo("24510");
      for (String column : List.of("tracts", "x-csa2020-tracts")) {
        List<String> tracts = tracts(area.get(column));
        assertThat(tracts).as("%s of %s", column, area.get("geoId")).isNotEmpty()
            .doesNotHaveDuplicates()
            .allSatisfy(t -> assertThat(t).matches("24510[0-9]{6}"));
      }
    }
  }

  /** The CSAs partition the city: no tract lies in two of them (in either vintage). */
  @Test
  void noTractBelongsToTwoAreas() {
    for (String column : List.of("tracts", "x-csa2020-tracts")) {
      Map<String, String> owner = new HashMap<>();
      for (ExampleFeeds.Row area : GEOGRAPHIES.rows()) {
        for (String tract : tracts(area.get(column))) {
          assertThat(owner.put(tract, area.get("geoId"))).as("%s %s", column, tract).isNull();
        }
      }
    }
  }

  /** The tract lists are those of BNIA's crosswalks (minus the jail tract, which has no CSA). */
  @Test
  void tractsAreThoseOfTheCrosswalks() {
    Map<String, List<String>> byName2010 = crosswalk("bnia-tract-csa2010.csv", "CSA2010", "GEOID10");
    Map<String, List<String>> byName2020 = crosswalk("bnia-tract-csa2020.csv", "CSA2020", "GEOID20");
    for (ExampleFeeds.Row area : GEOGRAPHIES.rows()) {
      assertThat(tracts(area.get("tracts"))).as(area.get("geoName"))
          .containsExactlyInAnyOrderElementsOf(byName2010.get(area.get("geoName")));
      assertThat(tracts(area.get("x-csa2020-tracts"))).as(area.get("x-csa2020-name"))
          .containsExactlyInAnyOrderElementsOf(byName2020.get(area.get("x-csa2020-name")));
    }
    int tracts2010 = GEOGRAPHIES.rows().stream().mapToInt(a -> tracts(a.get("tracts")).size()).sum();
    // 201 crosswalk rows: the "Baltimore City" pseudo-row without a GEOID and the jail tract are no CSA.
    assertThat(tracts2010).isEqualTo(199);
  }

  static Map<String, List<String>> crosswalk(String file, String nameColumn, String geoidColumn) {
    Map<String, List<String>> byName = new HashMap<>();
    for (ExampleFeeds.Row row : ExampleFeeds.readCsv(ExampleFeeds.REAL_DATA.resolve(file)).rows()) {
      byName.computeIfAbsent(row.get(nameColumn), k -> new ArrayList<>()).add(row.get(geoidColumn));
    }
    return byName;
  }

  /** 55 CSAs x 12 years, each value the source cell's text, unchanged. */
  @Test
  void valuesAreTheSourceValuesUnchanged() {
    ExampleFeeds.Table source = ExampleFeeds.readCsv(
        ExampleFeeds.REAL_DATA.resolve("bnia-vs-violent-crime.csv"));
    Map<String, String> expected = new HashMap<>();
    Map<String, String> idOfName = new HashMap<>();
    GEOGRAPHIES.rows().forEach(a -> idOfName.put(a.get("geoName"), a.get("geoId")));
    for (ExampleFeeds.Row row : source.rows()) {
      // The export starts with a byte order mark; its first column (OBJECTID) is not used here.
      String id = idOfName.get(row.get("CSA2010"));
      assertThat(id).as("CSA %s is defined", row.get("CSA2010")).isNotNull();
      for (int year = 2010; year <= 2021; year++) {
        expected.put(id + "|" + year, row.get(String.format("viol%02d", year - 2000)));
      }
    }
    assertThat(source.rows()).hasSize(55);
    assertThat(expected).hasSize(660);

    Map<String, String> actual = new HashMap<>();
    for (ExampleFeeds.Row row : OBSERVATIONS.rows()) {
      assertThat(row.get("indicator")).isEqualTo("violent-crime-rate");
      assertThat(actual.put(row.get("geoId") + "|" + row.get("period"), row.get("value")))
          .as("one observation per CSA and year (row %d)", row.row()).isNull();
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void areaIdsAreSlugsOfThe2010Names() {
    for (ExampleFeeds.Row area : GEOGRAPHIES.rows()) {
      String slug = "csa-" + area.get("geoName").toLowerCase(java.util.Locale.ROOT)
          .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
      assertThat(area.get("geoId")).isEqualTo(slug);
    }
    assertThat(areasById()).containsKey("csa-allendale-irvington-s-hilton");
  }
}
