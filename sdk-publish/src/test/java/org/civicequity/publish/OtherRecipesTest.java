package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.civicequity.core.Observation;
import org.junit.jupiter.api.Test;

/** The city-health-dashboard and cdc-wonder recipes on samples written to their published layouts. */
class OtherRecipesTest {

  @Test
  void aBareRecipeNameLoadsTheRecipeAndAMissingFileListsTheRecipes() throws Exception {
    assertThat(Mapping.load("acs-table").origin()).isEqualTo("recipe:acs-table");
    assertThat(Mapping.load("acs-table").name()).isEqualTo("acs-table");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Mapping.load("acs-tables"))
        .isInstanceOf(MappingException.class)
        .hasMessageContaining("no such mapping file: acs-tables")
        .hasMessageContaining("recipe:acs-table, ");
  }

  @Test
  void cityHealthDashboardLongRows() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/chdb-city-sample.csv"),
        Mapping.recipe("city-health-dashboard"));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.observations()).hasSize(8);
    Observation total = c.observations().get(0);
    assertThat(total.indicator()).isEqualTo("uninsured-rate");
    assertThat(total.geoLevel()).isEqualTo("place");
    assertThat(total.geoId()).isEqualTo("2404000");
    assertThat(total.period()).isEqualTo("2017/2021");
    assertThat(total.raceEthnicity()).isNull();
    assertThat(total.value()).isEqualTo(6.76);
    assertThat(total.lower()).isEqualTo(6.32);
    assertThat(total.upper()).isEqualTo(7.2);
    assertThat(total.numerator()).isEqualTo(38412.0);
    assertThat(total.denominator()).isEqualTo(568411.0);
    assertThat(c.observations().get(1).raceEthnicity()).isEqualTo("black-alone-nh");
    assertThat(c.observations().get(3).raceEthnicity()).isEqualTo("hispanic-aoic");
    Observation asian = c.observations().get(4);
    assertThat(asian.value()).isNull();
    assertThat(asian.status()).isEqualTo("not-available");
    assertThat(c.observations()).filteredOn(o -> o.indicator().equals("income-inequality"))
        .singleElement().extracting(Observation::period).isEqualTo("2021");
    assertThat(c.indicators()).extracting(i -> i.id()).containsExactly("uninsured-rate", "broadband-subscription",
        "life-expectancy", "income-inequality");
  }

  @Test
  void cdcWonderExportWithMarkersAndNotes() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/wonder-sample.txt"),
        Mapping.recipe("cdc-wonder").withConstants(Map.of("period", "2018/2021")));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.observations()).hasSize(5);
    Observation asian = c.observations().get(0);
    assertThat(asian.raceEthnicity()).isEqualTo("asian-alone");
    assertThat(asian.status()).isEqualTo("suppressed");
    assertThat(asian.value()).isNull();
    assertThat(asian.numerator()).isNull();
    assertThat(asian.denominator()).isEqualTo(15789.0);
    Observation black = c.observations().get(1);
    assertThat(black.indicator()).isEqualTo("crude-death-rate");
    assertThat(black.geoLevel()).isEqualTo("county");
    assertThat(black.geoId()).isEqualTo("24510");
    assertThat(black.value()).isEqualTo(1330.5);
    assertThat(black.lower()).isEqualTo(1293.0);
    assertThat(black.upper()).isEqualTo(1368.1);
    assertThat(black.numerator()).isEqualTo(4821.0);
    assertThat(black.denominator()).isEqualTo(362340.0);
    Observation multi = c.observations().get(2);
    assertThat(multi.status()).isEqualTo("unreliable");
    assertThat(multi.value()).isEqualTo(120.9);
    Observation total = c.observations().get(4);
    assertThat(total.raceEthnicity()).isNull();
    assertThat(total.value()).isEqualTo(1324.4);
    assertThat(total.location().line()).isEqualTo(6);
  }

  @Test
  void censusExportWithLabelRowGeoIdsAndUnderscoreSuffixes() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("samples/census-export-sample.csv"),
        Mapping.recipe("acs-table").withConstants(Map.of("period", "2018/2022")));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.observations()).hasSize(6);
    Observation tract = c.observations().get(0);
    assertThat(tract.geoLevel()).isEqualTo("tract");
    assertThat(tract.geoId()).isEqualTo("24510260605");
    assertThat(tract.geoName()).isEqualTo("Census Tract 2606.05; Baltimore city; Maryland");
    assertThat(tract.value()).isEqualTo(52188.0);
    assertThat(tract.moe()).isEqualTo(8754.0);
    assertThat(tract.location().line()).isEqualTo(3);
    Observation topCoded = c.observations().get(2);
    assertThat(topCoded.value()).isNull();
    assertThat(topCoded.status()).isEqualTo("not-available");
    assertThat(topCoded.note()).contains("top-coded");
    Observation jam = c.observations().get(3);
    assertThat(jam.raceEthnicity()).isEqualTo("black-alone");
    assertThat(jam.status()).isEqualTo("not-available");
    Observation county = c.observations().get(4);
    assertThat(county.geoLevel()).isEqualTo("county");
    assertThat(county.geoId()).isEqualTo("24510");
    assertThat(c.indicators()).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo("acs-b19013-001");
      assertThat(i.unit()).isEqualTo("currency-usd");
    });
  }

  @Test
  void aLabelRowNamesAutomaticallyDeclaredIndicators() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("label-row");
    java.nio.file.Path m = dir.resolve("m.json");
    java.nio.file.Files.writeString(m, "{\"extends\": \"recipe:acs-table\", \"input\": {\"labelRow\": 2}, "
        + "\"constants\": {\"period\": \"2018/2022\"}}");
    // B19013 is declared by the recipe (a core-catalogue indicator); the same export with the
    // columns of another table (B19049, median household income by age of householder) has its indicator declared from the labels
    String sample = java.nio.file.Files.readString(TestFiles.resource("samples/census-export-sample.csv"));
    int eol = sample.indexOf('\n');
    java.nio.file.Path csv = dir.resolve("b19049.csv");
    java.nio.file.Files.writeString(csv, sample.substring(0, eol).replace("B19013", "B19049") + sample.substring(eol));
    Conversion c = Converter.convert(csv, Mapping.load(m));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.observations()).hasSize(6);
    assertThat(c.indicators()).singleElement().satisfies(i -> {
      assertThat(i.id()).isEqualTo("acs-b19049-001");
      assertThat(i.description()).contains("Estimate!!Median household income in the past 12 months");
      assertThat(i.equivalentTo()).isNull();
    });
    // the recipe's own declaration of B19013 wins over the labels
    Conversion declared = Converter.convert(TestFiles.resource("samples/census-export-sample.csv"), Mapping.load(m));
    assertThat(declared.indicators()).singleElement().satisfies(i -> {
      assertThat(i.name()).isEqualTo("Median household income");
      assertThat(i.equivalentTo()).isEqualTo("median-household-income");
    });
  }
}
