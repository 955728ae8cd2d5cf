package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicequity.core.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ComparisonWriterTest {
  static final String EVIL = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> & \"Co\"";

  @TempDir
  Path dir;

  /** The sample federation plus a member whose geography name is hostile markup. */
  static FederationStore comparedSample() {
    FederationStore store = FederationStore.inMemory();
    Fixtures.sample(store);
    Fixtures.load(store, Fixtures.harvested("evil", 0),
        List.of(Fixtures.indicator("poverty-rate", "percent", "lower-is-better", null, null)),
        List.of(
            Observation.builder().indicator("poverty-rate").geoLevel("county").geoId("24027")
                .geoName(EVIL).period("2019").raceEthnicity("black-alone").value(9.0).moe(1.0).build(),
            Observation.builder().indicator("poverty-rate").geoLevel("county").geoId("24027")
                .geoName(EVIL).period("2019").raceEthnicity("white-alone-nh").value(5.0).moe(1.0).build()));
    Comparer.compare(store, Fixtures.catalogue(), CompareOptions.defaults());
    return store;
  }

  static List<CSVRecord> csv(Path file, List<String> header) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      assertThat(p.getHeaderNames()).containsExactlyElementsOf(header);
      return new ArrayList<>(p.getRecords());
    }
  }

  @Test
  void writesExactColumnsSortedRowsAndJsonTwins() throws IOException {
    try (FederationStore store = comparedSample()) {
      List<Path> files = ComparisonWriter.write(store, dir, EnumSet.allOf(ComparisonWriter.Format.class),
          "Test federation", null, "raceEthnicity");
      assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(
          "comparison.csv", "summary.csv", "not-compared.csv", "members.csv", "comparison.json",
          "summary.json", "not-compared.json", "members.json", "index.html");
    }
    assertThat(Files.readString(dir.resolve("comparison.csv"))).startsWith(
        "indicator,period,geoLevel,jurisdiction,geoId,group,value,moe,referenceGroup,referenceValue,"
            + "ratio,difference,z,significant\n");
    assertThat(Files.readString(dir.resolve("summary.csv"))).startsWith(
        "indicator,period,jurisdiction,indexOfDisparity,betweenGroupVariance,theil,meanLogDeviation,rank\n");
    List<CSVRecord> rows = csv(dir.resolve("comparison.csv"), ComparisonWriter.COMPARISON_COLUMNS);
    assertThat(rows).hasSize(7);
    CSVRecord black = rows.stream().filter(r -> r.get("geoId").equals("24510")
        && r.get("group").equals("black-alone")).findFirst().orElseThrow();
    assertThat(black.get("value")).isEqualTo("20");
    assertThat(black.get("referenceGroup")).isEqualTo("white-alone-nh");
    assertThat(black.get("ratio")).isEqualTo("2");
    assertThat(Double.parseDouble(black.get("z"))).isCloseTo(6.58, within(1e-12));
    assertThat(black.get("significant")).isEqualTo("true");
    // the evil name survives as data, quoted by the CSV writer
    assertThat(rows).anySatisfy(r -> assertThat(r.get("jurisdiction")).isEqualTo(EVIL));

    List<CSVRecord> summary = csv(dir.resolve("summary.csv"), ComparisonWriter.SUMMARY_COLUMNS);
    assertThat(summary).extracting(r -> r.get("rank")).containsExactly("1", "2", "3");
    assertThat(summary).extracting(r -> r.get("jurisdiction")).containsExactly("24005", "24510", EVIL);

    csv(dir.resolve("not-compared.csv"), ComparisonWriter.NOT_COMPARED_COLUMNS);
    List<CSVRecord> members = csv(dir.resolve("members.csv"), ComparisonWriter.MEMBER_COLUMNS);
    assertThat(members).extracting(r -> r.get("status"))
        .containsExactly("harvested", "harvested", "harvested", "skipped", "harvested");

    JsonNode json = JsonMapper.builder().build().readTree(dir.resolve("comparison.json").toFile());
    assertThat(json.isArray()).isTrue();
    assertThat(json.size()).isEqualTo(7);
    List<String> keys = new ArrayList<>(json.get(0).propertyNames());
    assertThat(keys).containsExactlyElementsOf(ComparisonWriter.COMPARISON_COLUMNS);
    JsonNode summaryJson = JsonMapper.builder().build().readTree(dir.resolve("summary.json").toFile());
    assertThat(summaryJson.get(0).get("rank").asInt()).isEqualTo(1);
    assertThat(new ArrayList<>(summaryJson.get(0).propertyNames()))
        .containsExactlyElementsOf(ComparisonWriter.SUMMARY_COLUMNS);

    String html = Files.readString(dir.resolve("index.html"));
    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror=\"")
        .contains("&lt;script&gt;window.pwned=1&lt;/script&gt;")
        .doesNotContain("http://").doesNotContain("https://");
  }

  @Test
  void sameStoreGivesTheSameFiles() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    try (FederationStore s1 = comparedSample(); FederationStore s2 = comparedSample()) {
      ComparisonWriter.write(s1, a, EnumSet.allOf(ComparisonWriter.Format.class), "T", null, "raceEthnicity");
      ComparisonWriter.write(s2, b, EnumSet.allOf(ComparisonWriter.Format.class), "T", null, "raceEthnicity");
    }
    for (String f : List.of("comparison.csv", "summary.csv", "not-compared.csv", "comparison.json",
        "summary.json", "index.html")) {
      assertThat(Files.readString(a.resolve(f))).as(f).isEqualTo(Files.readString(b.resolve(f)));
    }
  }

  @Test
  void formatsParseAndUncomparedStoreIsRefused() {
    assertThat(ComparisonWriter.Format.parse("csv, HTML"))
        .containsExactlyInAnyOrder(ComparisonWriter.Format.CSV, ComparisonWriter.Format.HTML);
    assertThatThrownBy(() -> ComparisonWriter.Format.parse("xml"))
        .hasMessage("unknown format 'xml', expected csv, json or html");
    try (FederationStore store = FederationStore.inMemory()) {
      assertThatThrownBy(() -> ComparisonWriter.write(store, dir, EnumSet.of(ComparisonWriter.Format.CSV),
          "T", null, "raceEthnicity"))
          .isInstanceOf(FederationException.class).hasMessageContaining("no comparison yet");
    }
  }
}
