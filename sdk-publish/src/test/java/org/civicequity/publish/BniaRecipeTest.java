package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.civicequity.core.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bnia-vital-signs recipe on the real BNIA files. */
class BniaRecipeTest {

  @Test
  void violentCrimeWideFileBecomesOneObservationPerCsaAndYear() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("real/bnia-vs-violent-crime.csv"),
        Mapping.recipe("bnia-vital-signs"));
    assertThat(c.problems()).filteredOn(p -> p.severity() == ConversionProblem.Severity.ERROR).isEmpty();
    // 55 CSAs x 12 years (2010-2021)
    assertThat(c.observations()).hasSize(55 * 12);
    assertThat(c.indicators()).extracting(i -> i.id()).containsExactly("violent-crime-rate");
    assertThat(c.geographies()).hasSize(55);
    Observation first = c.observations().get(0);
    assertThat(first.indicator()).isEqualTo("violent-crime-rate");
    assertThat(first.geoLevel()).isEqualTo("custom");
    assertThat(first.geoId()).isEqualTo("allendale-irvington-s-hilton");
    assertThat(first.period()).isEqualTo("2010");
    assertThat(first.value()).isEqualTo(12.6410556823087);
    assertThat(first.location().file()).isEqualTo("bnia-vs-violent-crime.csv");
    assertThat(first.location().row()).isEqualTo(1);
    assertThat(first.location().line()).isEqualTo(2);
    assertThat(first.location().column()).isEqualTo("viol10");
    // a 2010 name renamed in 2020 lands on the 2020 area
    assertThat(c.observations()).anySatisfy(o -> {
      assertThat(o.geoId()).isEqualTo("oliver-johnston-square");
      assertThat(o.geoName()).isEqualTo("Oliver/Johnston Square");
    });
    assertThat(c.geographies()).allSatisfy(g -> {
      assertThat(g.parentGeoId()).isEqualTo("24510");
      assertThat(g.tracts()).isNotEmpty().allMatch(t -> t.matches("24510[0-9]{6}"));
    });
  }

  @Test
  void liquorOutletFileUsesItsOwnYears() throws Exception {
    Conversion c = Converter.convert(TestFiles.resource("real/bnia-vs-liquor-outlets.csv"),
        Mapping.recipe("bnia-vital-signs"));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.observations()).extracting(Observation::period).containsOnly("2011", "2012", "2013", "2014",
        "2015", "2016", "2017", "2018", "2019", "2021", "2022");
    assertThat(c.indicators()).extracting(i -> i.id()).containsExactly("liquor-outlet-density");
  }

  @Test
  void derivedFileNeedsAPeriodAndThenConvertsAbout110Indicators() throws Exception {
    Path file = TestFiles.resource("real/bnia-vs-derived-csa-heat-demographics.csv");
    Conversion without = Converter.convert(file, Mapping.recipe("bnia-vital-signs"));
    assertThat(without.problems()).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo("MISSING_FIELD");
      assertThat(p.message()).contains("--constant period=");
    });
    Conversion c = Converter.convert(file, Mapping.recipe("bnia-vital-signs").withConstants(Map.of("period", "2017")));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    assertThat(c.indicators().size()).isGreaterThanOrEqualTo(110);
    assertThat(c.observations()).anySatisfy(o -> {
      assertThat(o.indicator()).isEqualTo("no-internet-at-home");
      assertThat(o.period()).isEqualTo("2013/2017");
    });
    assertThat(c.observations()).anySatisfy(o -> {
      assertThat(o.indicator()).isEqualTo("total-population");
      assertThat(o.period()).isEqualTo("2010");
    });
    // NA cells become a status, never a number
    assertThat(c.observations()).filteredOn(o -> "NA".equals(o.note() == null ? null : "NA"))
        .allSatisfy(o -> assertThat(o.value()).isNull());
    assertThat(c.observations()).anySatisfy(o -> {
      assertThat(o.status()).isEqualTo("not-available");
      assertThat(o.value()).isNull();
    });
  }

  @Test
  void unknownShortCodeIsAnErrorThatSaysHowToDeclareIt(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("vs.csv");
    Files.writeString(csv, "CSA2010,viol19,zzfoo19\nCanton,1.5,2.5\n");
    Conversion c = Converter.convert(csv, Mapping.recipe("bnia-vital-signs"));
    List<ConversionProblem> errors = c.problems().stream()
        .filter(p -> p.severity() == ConversionProblem.Severity.ERROR).toList();
    assertThat(errors).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo("UNKNOWN_INDICATOR_CODE");
      assertThat(p.message()).contains("'zzfoo'").contains("\"codes\": [\"zzfoo\"]").contains("recipe:bnia-vital-signs");
      assertThat(p.location().column()).isEqualTo("zzfoo19");
      assertThat(p.location().line()).isEqualTo(1);
    });
    assertThat(c.observations()).hasSize(1);
  }

  @Test
  void unknownCsaNameIsLocatedInTheUsersFile(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("vs.csv");
    Files.writeString(csv, "CSA2010,viol19\nCanton,1.5\nAtlantis,2\n");
    Conversion c = Converter.convert(csv, Mapping.recipe("bnia-vital-signs"));
    assertThat(c.problems()).filteredOn(p -> p.code().equals("UNKNOWN_GEOGRAPHY_NAME")).singleElement()
        .satisfies(p -> {
          assertThat(p.location().row()).isEqualTo(2);
          assertThat(p.location().line()).isEqualTo(3);
          assertThat(p.location().column()).isEqualTo("CSA2010");
          assertThat(p.value()).isEqualTo("Atlantis");
        });
  }
}
