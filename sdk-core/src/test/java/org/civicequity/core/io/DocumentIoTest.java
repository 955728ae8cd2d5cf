package org.civicequity.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.civicequity.core.Catalogue;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Manifest;
import org.civicequity.core.SchemaViolation;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.StandardSchemas;
import org.junit.jupiter.api.Test;

class DocumentIoTest {

  static final String MANIFEST = """
      {
        "$schema": "https://civicequity.org/schema/1.0/datapackage.schema.json",
        "name": "baltimore-equity",
        "title": "Baltimore equity indicators",
        "version": "1.0.0",
        "created": "2025-01-31T00:00:00Z",
        "keywords": ["equity"],
        "contributors": [{"title": "Planning", "roles": ["publisher"]}],
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "civicEquity": {
          "standardVersion": "1.0",
          "publisher": {"name": "Baltimore City", "url": "https://planning.baltimorecity.gov",
            "jurisdiction": {"geoLevel": "county", "geoId": "24510", "name": "Baltimore city"}},
          "suppressionPolicy": {"minimumCellSize": 11, "complementary": true},
          "extensions": ["x-csa"]
        },
        "resources": [
          {"name": "observations", "type": "table", "path": "observations.csv", "format": "csv",
           "mediatype": "text/csv", "encoding": "utf-8", "bytes": 120,
           "hash": "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
           "dialect": {"header": true, "delimiter": ","},
           "schema": {"fields": [{"name": "indicator", "type": "string",
             "constraints": {"required": true}}, {"name": "value", "type": "number"}],
             "missingValues": [""]}}
        ],
        "x-note": {"a": [1, 2.5, "b"]}
      }
      """;

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void manifestReadsWithLocationsAndWritesBackStably() throws IOException {
    ReadResult<Manifest> r = ManifestReader.read(new ByteArrayInputStream(bytes(MANIFEST)),
        "datapackage.json");
    assertThat(r.problems()).isEmpty();
    Manifest m = r.value().orElseThrow();
    assertThat(m.civicEquity().majorVersion()).isEqualTo(1);
    assertThat(m.civicEquity().minorVersion()).isEqualTo(0);
    assertThat(m.civicEquity().suppressionPolicy().complementary()).isTrue();
    assertThat(m.civicEquity().extensions()).containsExactly("x-csa");
    assertThat(m.resources().get(0).sha256()).startsWith("0123");
    assertThat(m.resources().get(0).location()).isEqualTo(new SourceLocation("datapackage.json",
        0, 18, null, "/resources/0"));
    assertThat(m.resources().get(0).schema().fields()).hasSize(2);
    assertThat(m.other()).containsKey("x-note");
    assertThat(r.locate("/resources/0/path").line()).isEqualTo(18);
    assertThat(r.locate("/resources/0/nothing/deeper").line()).isEqualTo(18);
    assertThat(StandardSchemas.validate("datapackage.schema.json", r.tree().orElseThrow()))
        .isEmpty();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ManifestWriter.write(m, out);
    String written = out.toString(StandardCharsets.UTF_8);
    assertThat(written).startsWith("{\n  \"$schema\": ").endsWith("}\n").doesNotContain("\r");
    ReadResult<Manifest> again = ManifestReader.read(new ByteArrayInputStream(out.toByteArray()),
        "datapackage.json");
    assertThat(StandardSchemas.validate("datapackage.schema.json", again.tree().orElseThrow()))
        .isEmpty();
    ByteArrayOutputStream out2 = new ByteArrayOutputStream();
    ManifestWriter.write(again.value().orElseThrow(), out2);
    assertThat(out2.toString(StandardCharsets.UTF_8)).isEqualTo(written);
  }

  @Test
  void brokenManifestsGiveLocatedProblems() {
    ReadResult<Manifest> syntax = ManifestReader.read(new ByteArrayInputStream(bytes(
        "{\n  \"name\": \"x\",\n  \"resources\": [,]\n}")), "datapackage.json");
    assertThat(syntax.value()).isEmpty();
    assertThat(syntax.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_SYNTAX);
    assertThat(syntax.problems().get(0).location().line()).isEqualTo(3);
    assertThat(syntax.problems().get(0).charColumn()).isEqualTo(17);

    ReadResult<Manifest> dup = ManifestReader.read(new ByteArrayInputStream(bytes(
        "{\"name\": \"x\",\n\"name\": \"y\"}")), "datapackage.json");
    assertThat(dup.value().orElseThrow().name()).isEqualTo("x");
    assertThat(dup.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.DUPLICATE_KEY);
    assertThat(dup.problems().get(0).location().pointer()).isEqualTo("/name");
    assertThat(dup.problems().get(0).location().line()).isEqualTo(2);

    ReadResult<Manifest> array = ManifestReader.read(new ByteArrayInputStream(bytes("[]")),
        "datapackage.json");
    assertThat(array.value()).isEmpty();
    assertThat(array.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.JSON_STRUCTURE);

    ReadResult<Manifest> types = ManifestReader.read(new ByteArrayInputStream(bytes(
        "{\"name\": 5, \"resources\": {\"a\": 1}, \"civicEquity\": []}")), "datapackage.json");
    assertThat(types.problems()).isEmpty();
    Manifest m = types.value().orElseThrow();
    assertThat(m.name()).isNull();
    assertThat(m.resources()).isEmpty();
    assertThat(m.civicEquity()).isNull();
    List<SchemaViolation> v = StandardSchemas.validate("datapackage.schema.json",
        types.tree().orElseThrow());
    assertThat(v).extracting(SchemaViolation::code).contains("WRONG_TYPE");

    ReadResult<Manifest> deep = ManifestReader.read(new ByteArrayInputStream(bytes(
        "{\"x-a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")), "datapackage.json");
    assertThat(deep.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.NESTING_TOO_DEEP);
  }

  @Test
  void catalogueWritesAndReadsBackTheSame() throws IOException {
    List<Indicator> core = Catalogue.core().indicators();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IndicatorsWriter.write("1.0", core, out);
    ReadResult<List<Indicator>> back = IndicatorsReader.read(
        new ByteArrayInputStream(out.toByteArray()), "indicators.json");
    assertThat(back.problems()).isEmpty();
    assertThat(StandardSchemas.validate("indicators.schema.json", back.tree().orElseThrow()))
        .isEmpty();
    List<Indicator> read = back.value().orElseThrow();
    assertThat(read).hasSameSizeAs(core);
    for (int i = 0; i < core.size(); i++) {
      Indicator a = core.get(i);
      Indicator b = read.get(i);
      assertThat(b).usingRecursiveComparison().ignoringFields("location").isEqualTo(a);
    }
  }

  @Test
  void geographiesAreReadWithTheirTracts() {
    String csv = "geoId,geoName,parentGeoId,tracts,x-area\n"
        + "canton,Canton,24510,24510260100 24510260200,1.2\n"
        + ",no id,,,\n"
        + "fells-point,Fells Point,24510,,\n"
        + "bad,row\n";
    ReadResult<List<Geography>> r = GeographiesReader.read(new ByteArrayInputStream(bytes(csv)),
        "geographies.csv", ReadOptions.defaults());
    List<Geography> g = r.value().orElseThrow();
    assertThat(g).extracting(Geography::geoId).containsExactly("canton", "fells-point");
    assertThat(g.get(0).tracts()).containsExactly("24510260100", "24510260200");
    assertThat(g.get(0).location()).isEqualTo(SourceLocation.ofRow("geographies.csv", 1, 2));
    assertThat(g.get(1).tracts()).isEmpty();
    assertThat(g.get(1).location().row()).isEqualTo(3);
    assertThat(r.problems()).extracting(ReadProblem::code)
        .containsExactly(ReadProblem.RAGGED_ROW);
    tools.jackson.databind.JsonNode rows = r.tree().orElseThrow();
    assertThat(rows.size()).isEqualTo(3);
    assertThat(rows.get(0).path("x-area").asString()).isEqualTo("1.2");
    assertThat(StandardSchemas.validate("geography.schema.json", rows.get(0))).isEmpty();
    List<SchemaViolation> noId = StandardSchemas.validate("geography.schema.json", rows.get(1));
    assertThat(noId).extracting(SchemaViolation::code, SchemaViolation::field).containsExactly(
        org.assertj.core.groups.Tuple.tuple("REQUIRED_FIELD_MISSING", "geoId"));
    assertThat(r.locate("/1").line()).isEqualTo(3);
    assertThat(r.locate("/2/geoId").line()).isEqualTo(4);
  }
}
