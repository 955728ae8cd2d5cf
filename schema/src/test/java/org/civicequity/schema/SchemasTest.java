package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Every schema of the standard compiles with networknt from the classpath, has the $id the
 * architecture fixes, and accepts the examples it is meant for.
 */
class SchemasTest {

  /** The schema files present in the module's json/ directory (others may add some, e.g. mapping). */
  static List<String> schemaFiles() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("json"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".schema.json")).sorted().toList();
    }
  }

  @Test
  void theDocumentedSchemasArePresent() throws IOException {
    assertThat(schemaFiles()).containsAll(StandardSchemas.SCHEMA_FILES);
  }

  @TestFactory
  Stream<DynamicTest> everySchemaCompilesFromTheClasspath() throws IOException {
    return schemaFiles().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
      JsonNode doc = StandardSchemas.resource(StandardSchemas.SCHEMA_RESOURCES + file);
      assertThat(doc.path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
      assertThat(doc.path("$id").asString()).isEqualTo(StandardSchemas.ID_PREFIX + file);
      assertThat(doc.path("title").asString("")).isNotBlank();
      assertThat(doc.path("description").asString("")).isNotBlank();
      Schema schema = StandardSchemas.schema(file);
      // Compiling resolves every $ref eagerly only when asked; validating walks them.
      schema.initializeValidators();
      schema.validate(StandardSchemas.MAPPER.createObjectNode());
      assertRefsResolve(doc, file);
    }));
  }

  /** Every $ref points at a schema of the standard, and a local or cross-file pointer that exists. */
  private static void assertRefsResolve(JsonNode node, String file) {
    List<String> bad = new ArrayList<>();
    collectRefs(node, file, bad);
    assertThat(bad).as("unresolvable $refs in " + file).isEmpty();
  }

  private static void collectRefs(JsonNode node, String file, List<String> bad) {
    if (node.isObject() && node.has("$ref")) {
      String ref = node.get("$ref").asString();
      String target = ref.startsWith("#") ? StandardSchemas.ID_PREFIX + file + ref : ref;
      if (!target.startsWith(StandardSchemas.ID_PREFIX)) {
        bad.add(ref + " (not a schema of the standard)");
      } else {
        int hash = target.indexOf('#');
        String doc = hash < 0 ? target : target.substring(0, hash);
        String pointer = hash < 0 ? "" : target.substring(hash + 1);
        JsonNode resolved = StandardSchemas.document(doc).at(pointer);
        if (resolved.isMissingNode()) {
          bad.add(ref);
        }
      }
    }
    for (JsonNode v : node.values()) {
      collectRefs(v, file, bad);
    }
  }

  @Test
  void catalogueIsValidAgainstIndicatorsSchema() {
    JsonNode catalogue = StandardSchemas.resource(StandardSchemas.CATALOGUE_RESOURCE);
    assertThat(StandardSchemas.schema("indicators.schema.json").validate(catalogue)).isEmpty();
  }

  @Test
  void reportExampleOfTheDesignIsValid() {
    JsonNode report = StandardSchemas.MAPPER.readTree("""
        { "valid": false, "standardVersion": "1.0", "validator": {"name": "civic-equity", "version": "1.0.0"},
          "input": "feeds/baltimore", "summary": {"errors": 2, "warnings": 1, "infos": 0, "rows": 5210},
          "findings": [ { "code": "GEOID_LENGTH_MISMATCH", "severity": "ERROR", "count": 2,
              "description": "The geoId does not have the length of its geoLevel.",
              "examples": [ { "message": "geoId 2451026060 has 10 digits, a tract has 11", "file": "observations.csv",
                              "row": 12, "line": 13, "column": "geoId", "pointer": null, "value": "2451026060" } ] } ],
          "rulesNotRun": [ { "code": "DUPLICATE_OBSERVATION", "reason": "switched off by --rules" } ],
          "systemErrors": [] }""");
    assertThat(StandardSchemas.schema("report.schema.json").validate(report)).isEmpty();
    ((tools.jackson.databind.node.ObjectNode) report).put("verdict", "bad");
    assertThat(FindingMapper.map(StandardSchemas.schema("report.schema.json").validate(report)))
        .containsExactly(new FindingMapper.Finding("UNKNOWN_FIELD", "verdict"));
  }

  @Test
  void federationAndGeographyExamplesAreValid() {
    JsonNode federation = StandardSchemas.MAPPER.readTree("""
        { "id": "chesapeake-equity", "name": "Chesapeake equity network",
          "members": [ { "id": "baltimore", "publisher": "Baltimore City", "location": "../baltimore-violent-crime" },
                       { "id": "minimal", "publisher": "Example", "location": "https://example.org/feeds/minimal.zip",
                         "sha256": "172e21d1629a697558fed18b8481a0a4bceda0cd9d616bd1954475a6f26c2b75" } ],
          "indicators": ["poverty-rate", "violent-crime-rate"] }""");
    Schema fed = StandardSchemas.schema("federation.schema.json");
    assertThat(fed.validate(federation)).isEmpty();
    for (String badLocation : List.of("/etc/feeds", "file:///etc/passwd", "C:\\feeds\\a", "ftp://example.org/a", "~/feeds")) {
      JsonNode bad = federation.deepCopy();
      ((tools.jackson.databind.node.ObjectNode) bad.get("members").get(0)).put("location", badLocation);
      assertThat(fed.validate(bad)).as(badLocation).isNotEmpty();
    }
    Schema geo = StandardSchemas.schema("geography.schema.json");
    assertThat(geo.validate(StandardSchemas.MAPPER.readTree(
        "{\"geoId\":\"canton\",\"geoName\":\"Canton\",\"parentGeoId\":\"24510\",\"tracts\":\"24510010100 24510010200\"}"))).isEmpty();
    assertThat(geo.validate(StandardSchemas.MAPPER.readTree(
        "{\"geoId\":\"canton\",\"geoName\":\"Canton\",\"tracts\":\"24510010100,2451001020\"}"))).isNotEmpty();
  }
}
