package org.civicequity.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.core.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The acs-table recipe on the real ACS 1-year 2019 county file, and derived indicators whose
 * MOEs are checked against the Census formulas computed here by hand from the file's cells.
 */
class AcsRecipeTest {
  private static final Path FILE = TestFiles.resource("real/acs1-2019-county-race-moe.csv");
  private static Map<String, CSVRecord> rows;
  private static Conversion derived;

  @BeforeAll
  static void readFile() throws Exception {
    rows = new HashMap<>();
    try (Reader r = Files.newBufferedReader(FILE)) {
      for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        rows.put(rec.get("stco_code"), rec);
      }
    }
    derived = Converter.convert(FILE, Mapping.load(TestFiles.resource("mappings/acs-derived.json")));
  }

  private static double cell(String county, String column) {
    return Double.parseDouble(rows.get(county).get(column));
  }

  private static boolean numeric(String county, String... bases) {
    for (String b : bases) {
      for (String suffix : List.of("E", "M")) {
        if (!rows.get(county).get(b + suffix).matches("-?[0-9.]+")) {
          return false;
        }
      }
    }
    return true;
  }

  private static final Map<Conversion, Map<String, Observation>> INDEX = new java.util.IdentityHashMap<>();

  private static Observation find(Conversion c, String indicator, String geoId, String race, String nativity) {
    Map<String, Observation> idx = INDEX.computeIfAbsent(c, k -> {
      Map<String, Observation> m = new HashMap<>();
      for (Observation o : k.observations()) {
        m.putIfAbsent(o.indicator() + "|" + o.geoId() + "|" + o.raceEthnicity() + "|" + o.nativity(), o);
      }
      return m;
    });
    Observation o = idx.get(indicator + "|" + geoId + "|" + race + "|" + nativity);
    if (o == null) {
      throw new AssertionError("no " + indicator + " " + geoId + " " + race);
    }
    return o;
  }

  @Test
  void everyEstimateMoePairBecomesOneObservationWithRaceIterations() throws Exception {
    Conversion c = Converter.convert(FILE, Mapping.recipe("acs-table").withConstants(Map.of("period", "2019")));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    // one observation per county and estimate column (its MOE column joins it)
    long estimateColumns = rows.get("01003").getParser().getHeaderNames().stream()
        .filter(h -> h.matches(".*_[0-9]{3}E")).count();
    assertThat(c.observations().size()).isEqualTo(840 * (int) estimateColumns);
    Observation black = find(c, "acs-b19013-001", "01003", "black-alone", null);
    assertThat(black.geoLevel()).isEqualTo("county");
    assertThat(black.geoName()).isEqualTo("Baldwin County, Alabama");
    assertThat(black.value()).isEqualTo(cell("01003", "B19013B_001E"));
    assertThat(black.moe()).isEqualTo(cell("01003", "B19013B_001M"));
    assertThat(black.location().column()).isEqualTo("B19013B_001E");
    assertThat(c.observations()).extracting(Observation::raceEthnicity).contains("white-alone-incl-mena", "black-alone",
        "aian-alone", "asian-alone", "nhpi-alone", "some-other-race", "multiracial", "white-alone-nh", "hispanic-aoic", null);
    assertThat(c.indicators()).anySatisfy(i -> {
      assertThat(i.id()).isEqualTo("acs-b19013-001");
      assertThat(i.unit()).isEqualTo("currency-usd");
    });
    // NA estimates are a status, never a number
    Observation na = find(c, "acs-s0802-c01-013", "01003", null, null);
    assertThat(na.value()).isNull();
    assertThat(na.status()).isEqualTo("not-available");
  }

  /** Table lines that are core-catalogue indicators carry their equivalent, so federations compare them. */
  @Test
  void catalogueIndicatorsCarryTheirEquivalent() throws Exception {
    Conversion c = Converter.convert(FILE, Mapping.recipe("acs-table").withConstants(Map.of("period", "2019")));
    Map<String, org.civicequity.core.Indicator> byId = new HashMap<>();
    c.indicators().forEach(i -> byId.put(i.id(), i));
    assertThat(byId.get("acs-b19013-001").equivalentTo()).isEqualTo("median-household-income");
    assertThat(byId.get("acs-s1701-c03-001").equivalentTo()).isEqualTo("poverty-rate");
    assertThat(byId.get("acs-s2301-c04-001").equivalentTo()).isEqualTo("unemployment-rate");
    assertThat(byId.get("acs-s2301-c02-001").equivalentTo()).isEqualTo("labor-force-participation-rate");
    // a line that is no catalogue indicator gets none (it is declared automatically)
    assertThat(byId.get("acs-s0802-c01-013").equivalentTo()).isNull();
    // every equivalent the recipe declares is a catalogue indicator with the same unit and polarity
    org.civicequity.core.Catalogue core = org.civicequity.core.Catalogue.core();
    List<org.civicequity.core.Indicator> declared = c.indicators().stream().filter(i -> i.equivalentTo() != null).toList();
    assertThat(declared).hasSizeGreaterThanOrEqualTo(4);
    for (org.civicequity.core.Indicator i : declared) {
      org.civicequity.core.Indicator target = core.find(i.equivalentTo()).orElseThrow();
      assertThat(i.unit()).as(i.id()).isEqualTo(target.unit());
      assertThat(i.polarity()).as(i.id()).isEqualTo(target.polarity());
    }
    // the race iterations of B19013 are the same indicator, by group
    assertThat(c.observations()).filteredOn(o -> o.indicator().equals("acs-b19013-001"))
        .extracting(Observation::raceEthnicity).contains(null, "black-alone", "hispanic-aoic");
  }

  @Test
  void missingPeriodIsExplained() throws Exception {
    Conversion c = Converter.convert(FILE, Mapping.recipe("acs-table"));
    assertThat(c.problems()).anySatisfy(p -> {
      assertThat(p.code()).isEqualTo("MISSING_FIELD");
      assertThat(p.message()).contains("--constant period=2019");
    });
  }

  @Test
  void derivedIndicatorsCarryCensusMoes() throws Exception {
    Conversion c = derived;
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    int bachelors = 0;
    int ratios = 0;
    int shares = 0;
    int products = 0;
    for (String county : rows.keySet()) {
      if (numeric(county, "B06009_001", "B06009_005", "B06009_006")) {
        bachelors++;
        // bachelor's or higher = (005 + 006) / 001, proportion formula on a sum
        double x = cell(county, "B06009_005E") + cell(county, "B06009_006E");
        double mx = Math.sqrt(Math.pow(cell(county, "B06009_005M"), 2) + Math.pow(cell(county, "B06009_006M"), 2));
        double y = cell(county, "B06009_001E");
        double my = cell(county, "B06009_001M");
        double p = x / y;
        double rad = mx * mx - p * p * my * my;
        double moe = (rad >= 0 ? Math.sqrt(rad) : Math.sqrt(mx * mx + p * p * my * my)) / y;
        Observation o = find(c, "bachelors-or-higher", county, null, null);
        assertThat(o.value()).isCloseTo(100 * p, within(1e-9));
        assertThat(o.moe()).isCloseTo(100 * moe, within(1e-9));
        assertThat(o.numerator()).isEqualTo(x);
        assertThat(o.denominator()).isEqualTo(y);
        assertThat(o.location().column()).isEqualTo("B06009_005E");
      }
      if (numeric(county, "B19013B_001", "B19013H_001")) {
        ratios++;
        // Black / White non-Hispanic median income: ratio formula
        double b = cell(county, "B19013B_001E");
        double w = cell(county, "B19013H_001E");
        double r = b / w;
        double rm = Math.sqrt(Math.pow(cell(county, "B19013B_001M"), 2)
            + r * r * Math.pow(cell(county, "B19013H_001M"), 2)) / w;
        Observation ratio = find(c, "income-ratio-black-white-nh", county, null, null);
        assertThat(ratio.value()).isCloseTo(r, within(0.00005));
        assertThat(ratio.moe()).isCloseTo(rm, within(0.00005));
      }
      if (numeric(county, "B03002_001", "B03002_003")) {
        shares++;
        // people of color = (001 - 003) / 001
        double t = cell(county, "B03002_001E");
        double mt = cell(county, "B03002_001M");
        double poc = (t - cell(county, "B03002_003E")) / t;
        double mpoc = Math.sqrt(mt * mt + Math.pow(cell(county, "B03002_003M"), 2));
        double radp = mpoc * mpoc - poc * poc * mt * mt;
        double mp = (radp >= 0 ? Math.sqrt(radp) : Math.sqrt(mpoc * mpoc + poc * poc * mt * mt)) / t;
        Observation po = find(c, "population-share", county, "people-of-color", null);
        assertThat(po.value()).isCloseTo(100 * poc, within(1e-9));
        assertThat(po.moe()).isCloseTo(100 * mp, within(1e-9));
      }
      if (numeric(county, "S0802_C01_001", "S0802_C01_013")) {
        products++;
        // product: workers x the percentage of them who are Black alone
        double a = cell(county, "S0802_C01_001E");
        double sh = cell(county, "S0802_C01_013E");
        double pm = Math.sqrt(a * a * Math.pow(cell(county, "S0802_C01_013M"), 2)
            + sh * sh * Math.pow(cell(county, "S0802_C01_001M"), 2));
        Observation prod = find(c, "workers", county, "black-alone", null);
        assertThat(prod.value()).isCloseTo(Math.rint(a * sh / 100), within(0.5));
        assertThat(prod.moe()).isCloseTo(Math.rint(pm / 100), within(0.5));
      }
    }
    assertThat(bachelors).isGreaterThan(800);
    assertThat(ratios).isGreaterThan(50);
    assertThat(shares).isGreaterThanOrEqualTo(1);
    // B03002_001M (a controlled total) is NA in this file: the share has a value but no MOE
    Observation noMoe = find(c, "population-share", "24510", "people-of-color", null);
    assertThat(rows.get("24510").get("B03002_001M")).isEqualTo("NA");
    assertThat(noMoe.value()).isCloseTo(100 * (cell("24510", "B03002_001E") - cell("24510", "B03002_003E"))
        / cell("24510", "B03002_001E"), within(1e-9));
    assertThat(noMoe.moe()).isNull();
    assertThat(noMoe.note()).contains("margin of error not computable: B03002_001M");
    assertThat(products).isGreaterThan(50);
    // the forEach expansion with race codes
    assertThat(find(c, "population-share", "24510", "black-alone-nh", null).value())
        .isCloseTo(100 * cell("24510", "B03002_004E") / cell("24510", "B03002_001E"), within(1e-9));
    // the iterated median income maps suffix H to white-alone-nh
    assertThat(find(c, "median-household-income", "24510", "white-alone-nh", null).value())
        .isEqualTo(cell("24510", "B19013H_001E"));
  }

  @Test
  void derivedInputsThatAreMissingGiveAStatusAndANote() throws Exception {
    Conversion c = derived;
    // Calhoun County, Alabama has no published B19013H... check a county whose foreign-born cells are NA
    Observation o = c.observations().stream()
        .filter(x -> x.indicator().equals("bachelors-or-higher") && "foreign-born".equals(x.nativity()) && x.value() == null)
        .findFirst().orElseThrow();
    assertThat(o.status()).isEqualTo("not-available");
    assertThat(o.note()).contains("B06009_0").contains("'NA'");
  }

  @Test
  void censusAnnotationValuesBecomeAStatusNeverANumber(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path csv = dir.resolve("acs-export.csv");
    Files.writeString(csv, """
        GEO_ID,NAME,B19013_001E,B19013_001M,B19013B_001E,B19013B_001M,B19013D_001E,B19013D_001M,B19013H_001E,B19013H_001M,B19013I_001E,B19013I_001M
        0500000US24510,"Baltimore city, Maryland",58349,-555555555,-999999999,-333333333,-666666666,-222222222,-888888888,-888888888,-222222222,-999999999
        """);
    Conversion c = Converter.convert(csv, Mapping.recipe("acs-table").withConstants(Map.of("period", "2018/2022")));
    assertThat(c.hasErrors()).as(c.problems().toString()).isFalse();
    for (Observation o : c.observations()) {
      if (o.value() != null) {
        assertThat(o.value()).as(o.toString()).isNotNegative();
      }
      if (o.moe() != null) {
        assertThat(o.moe()).as(o.toString()).isNotNegative();
      }
    }
    Observation total = find(c, "acs-b19013-001", "24510", null, null);
    assertThat(total.value()).isEqualTo(58349.0);
    assertThat(total.moe()).isEqualTo(0.0); // -555555555: a controlled estimate
    Observation black = find(c, "acs-b19013-001", "24510", "black-alone", null);
    assertThat(black.value()).isNull();
    assertThat(black.status()).isEqualTo("suppressed");
    Observation asian = find(c, "acs-b19013-001", "24510", "asian-alone", null);
    assertThat(asian.value()).isNull();
    assertThat(asian.moe()).isNull();
    assertThat(asian.status()).isEqualTo("not-available");
    Observation white = find(c, "acs-b19013-001", "24510", "white-alone-nh", null);
    assertThat(white.value()).isNull();
    assertThat(white.status()).isEqualTo("not-applicable");
    Observation hispanic = find(c, "acs-b19013-001", "24510", "hispanic-aoic", null);
    assertThat(hispanic.value()).isNull();
    assertThat(hispanic.status()).isEqualTo("not-available");
  }
}
