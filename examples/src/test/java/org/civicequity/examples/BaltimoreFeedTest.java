package org.civicequity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicequity.publish.Conversion;
import org.civicequity.publish.ConversionProblem;
import org.civicequity.publish.Converter;
import org.civicequity.publish.Mapping;
import org.civicequity.publish.SourceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Baltimore violent-crime feed is what {@code civic-equity convert} makes of the BNIA-JFI file
 * with the {@code bnia-vital-signs} recipe (areas identified by slugs of their 2020 names, with
 * their 2020 tracts), plus hand-written provenance in its manifest; every area it uses is defined
 * with real tract GEOIDs, and every value is the source's.
 *
 * <p>Regenerate the feed from the mapping {@code baltimore/violent-crime-feed.mapping.json} with
 * {@code mvn -pl examples test -Dtest=BaltimoreFeedTest -Dregenerate=true} (the provenance members
 * of {@code datapackage.json} are kept).
 */
class BaltimoreFeedTest {

  static final Path FEED = ExampleFeeds.FEEDS.resolve("baltimore-violent-crime");

  static final Path MAPPING = Path.of("baltimore", "violent-crime-feed.mapping.json");

  /** Members of the manifest written by hand (the converter writes every other member). */
  static final List<String> PROVENANCE = List.of("id", "version", "created", "licenses", "contributors", "sources");

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

  /** The slug rule of the recipe's area ids, written out independently. */
  static String slug(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
  }

  @Test
  void theFeedIsWhatConvertMakesOfTheSourceFile(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("baltimore-violent-crime");
    Conversion c = Converter.convert(ExampleFeeds.REAL_DATA.resolve("bnia-vs-violent-crime.csv"), Mapping.load(MAPPING));
    assertThat(c.problems()).noneMatch(p -> p.severity() == ConversionProblem.Severity.ERROR);
    SourceFolder.write(c, out);
    JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    JsonNode written = json.readTree(out.resolve("datapackage.json").toFile());
    JsonNode committed = json.readTree(FEED.resolve("datapackage.json").toFile());
    if (Boolean.getBoolean("regenerate")) {
      for (String f : List.of("observations.csv", "geographies.csv", "indicators.json")) {
        Files.copy(out.resolve(f), FEED.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      ObjectNode merged = json.createObjectNode();
      written.properties().forEach(e -> {
        merged.set(e.getKey(), e.getKey().equals("licenses") && committed.has("licenses")
            ? committed.get("licenses") : e.getValue());
        if (e.getKey().equals("name")) {
          for (String p : PROVENANCE) {
            if (committed.has(p) && !p.equals("licenses")) {
              merged.set(p, committed.get(p));
            }
          }
        }
      });
      Files.writeString(FEED.resolve("datapackage.json"), json.writeValueAsString(merged) + "\n", StandardCharsets.UTF_8);
      return;
    }
    for (String f : List.of("observations.csv", "geographies.csv", "indicators.json")) {
      assertThat(Files.readString(FEED.resolve(f), StandardCharsets.UTF_8))
          .as("%s as convert writes it (regenerate: mvn -pl examples test -Dtest=BaltimoreFeedTest -Dregenerate=true)", f)
          .isEqualTo(Files.readString(out.resolve(f), StandardCharsets.UTF_8));
    }
    // the manifest: every member the converter writes, unchanged, and hand-written provenance
    written.properties().forEach(e -> {
      if (e.getKey().equals("licenses")) {
        assertThat(committed.get("licenses").get(0).get("name")).isEqualTo(e.getValue().get(0).get("name"));
      } else {
        assertThat(committed.get(e.getKey())).as("datapackage.json member %s", e.getKey()).isEqualTo(e.getValue());
      }
    });
    committed.properties().forEach(e -> assertThat(written.has(e.getKey()) || PROVENANCE.contains(e.getKey()))
        .as("datapackage.json member %s is written by convert or is provenance", e.getKey()).isTrue());
    assertThat(committed.has("sources")).isTrue();
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
      assertThat(tracts(area.get("tracts"))).as("tracts of %s", area.get("geoId")).isNotEmpty()
          .doesNotHaveDuplicates()
          .allSatisfy(t -> assertThat(t).matches("24510[0-9]{6}"));
    }
  }

  /** The CSAs partition the city: no tract lies in two of them. */
  @Test
  void noTractBelongsToTwoAreas() {
    Map<String, String> owner = new HashMap<>();
    for (ExampleFeeds.Row area : GEOGRAPHIES.rows()) {
      for (String tract : tracts(area.get("tracts"))) {
        assertThat(owner.put(tract, area.get("geoId"))).as("tract %s", tract).isNull();
      }
    }
  }

  /** The tract lists are those of BNIA's 2020 crosswalk (minus the jail tract, which has no CSA). */
  @Test
  void tractsAreThoseOfThe2020Crosswalk() {
    Map<String, List<String>> byName2020 = crosswalk("bnia-tract-csa2020.csv", "CSA2020", "GEOID20");
    for (ExampleFeeds.Row area : GEOGRAPHIES.rows()) {
      assertThat(tracts(area.get("tracts"))).as(area.get("geoName"))
          .containsExactlyInAnyOrderElementsOf(byName2020.get(area.get("geoName")));
    }
    assertThat(GEOGRAPHIES.rows()).hasSize(55);
    int tracts2020 = GEOGRAPHIES.rows().stream().mapToInt(a -> tracts(a.get("tracts")).size()).sum();
    // the 2020 crosswalk's rows with a CSA, less the jail tract; two 2010 tracts of Poppleton
    // became one in 2020
    assertThat(tracts2020).isEqualTo(byName2020.entrySet().stream()
        .filter(e -> !e.getKey().isEmpty() && !e.getKey().startsWith("Unassigned") && !e.getKey().equals("Baltimore City"))
        .mapToInt(e -> e.getValue().size()).sum());
  }

  static Map<String, List<String>> crosswalk(String file, String nameColumn, String geoidColumn) {
    Map<String, List<String>> byName = new HashMap<>();
    for (ExampleFeeds.Row row : ExampleFeeds.readCsv(ExampleFeeds.REAL_DATA.resolve(file)).rows()) {
      byName.computeIfAbsent(row.get(nameColumn), k -> new ArrayList<>()).add(row.get(geoidColumn));
    }
    return byName;
  }

  /** 55 CSAs x 12 years, each value the source cell's number. */
  @Test
  void valuesAreTheSourceValues() {
    ExampleFeeds.Table source = ExampleFeeds.readCsv(
        ExampleFeeds.REAL_DATA.resolve("bnia-vs-violent-crime.csv"));
    Map<String, Double> expected = new HashMap<>();
    Set<String> defined = areasById().keySet();
    for (ExampleFeeds.Row row : source.rows()) {
      // the file spells one 2020 name "Oliver/Johnson Square"; BNIA's crosswalk (and the feed)
      // "Oliver/Johnston Square"
      String name2020 = row.get("CSA2020").equals("Oliver/Johnson Square") ? "Oliver/Johnston Square" : row.get("CSA2020");
      String id = slug(name2020);
      assertThat(defined).as("CSA %s (2010: %s)", name2020, row.get("CSA2010")).contains(id);
      for (int year = 2010; year <= 2021; year++) {
        expected.put(id + "|" + year, Double.parseDouble(row.get(String.format("viol%02d", year - 2000))));
      }
    }
    assertThat(source.rows()).hasSize(55);
    assertThat(expected).hasSize(660);

    Map<String, Double> actual = new HashMap<>();
    for (ExampleFeeds.Row row : OBSERVATIONS.rows()) {
      assertThat(row.get("indicator")).isEqualTo("violent-crime-rate");
      assertThat(actual.put(row.get("geoId") + "|" + row.get("period"), Double.parseDouble(row.get("value"))))
          .as("one observation per CSA and year (row %d)", row.row()).isNull();
    }
    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void areaIdsAreSlugsOfThe2020NamesAsTheRecipeMakesThem() {
    for (ExampleFeeds.Row area : GEOGRAPHIES.rows()) {
      assertThat(area.get("geoId")).isEqualTo(slug(area.get("geoName")));
    }
    // renamed in 2020: Greenmount East is Oliver/Johnston Square
    assertThat(areasById()).containsKey("allendale-irvington-s-hilton").containsKey("oliver-johnston-square")
        .doesNotContainKey("greenmount-east");
  }
}
