package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.civicequity.schema.FindingMapper.Finding;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs the shared test vectors (src/test/resources/vectors/{valid,invalid}/*.json, format in
 * docs/architecture.md) through networknt on observation.schema.json and checks that each gives
 * exactly its expected set of (code, field) pairs by the x-code mapping rule.
 */
class ObservationVectorsTest {
  private static final Schema OBSERVATION = StandardSchemas.schema("observation.schema.json");
  private static final Set<String> KEYWORD_CODES =
      Set.of("REQUIRED_FIELD_MISSING", "UNKNOWN_FIELD", "WRONG_TYPE", "UNKNOWN_CODE");

  record Vector(String name, boolean valid, JsonNode json) {
    Set<Finding> expected() {
      Set<Finding> out = new TreeSet<>();
      for (JsonNode e : json.path("expected")) {
        out.add(new Finding(e.get("code").asString(), e.get("field").asString()));
      }
      return out;
    }
  }

  static List<Vector> vectors() throws IOException, URISyntaxException {
    List<Vector> out = new ArrayList<>();
    Path root = Path.of(ObservationVectorsTest.class.getResource("/vectors").toURI());
    for (String kind : List.of("valid", "invalid")) {
      try (Stream<Path> s = Files.list(root.resolve(kind))) {
        for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          out.add(new Vector(kind + "/" + p.getFileName(), kind.equals("valid"),
              StandardSchemas.MAPPER.readTree(Files.readString(p))));
        }
      }
    }
    return out;
  }

  static Set<Finding> run(JsonNode observation) {
    List<Error> errors = OBSERVATION.validate(observation);
    return FindingMapper.map(errors);
  }

  @TestFactory
  Stream<DynamicTest> everyVectorGivesExactlyItsExpectedFindings() throws Exception {
    return vectors().stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
      assertThat(v.json().path("description").asString("")).as("description").isNotBlank();
      assertThat(v.json().path("observation").isObject()).as("observation is an object").isTrue();
      assertThat(v.json().path("jsonOnly").isBoolean() || v.json().path("jsonOnly").isMissingNode())
          .as("jsonOnly is a boolean").isTrue();
      for (String key : v.json().propertyNames()) {
        assertThat(key).as("vector member").isIn("description", "observation", "expected", "jsonOnly");
      }
      if (v.valid()) {
        assertThat(v.json().has("expected")).as("valid vectors have no expected").isFalse();
      } else {
        assertThat(v.expected()).as("invalid vectors expect at least one finding").isNotEmpty();
      }
      assertThat(run(v.json().get("observation"))).as(v.json().get("description").asString())
          .isEqualTo(v.expected());
    }));
  }

  @Test
  void vectorsCoverEveryCodeAndEnoughCases() throws Exception {
    List<Vector> all = vectors();
    long valid = all.stream().filter(Vector::valid).count();
    assertThat(valid).isGreaterThanOrEqualTo(15);
    assertThat(all.size() - valid).isGreaterThanOrEqualTo(25);
    Set<String> covered = new TreeSet<>();
    all.forEach(v -> v.expected().forEach(f -> covered.add(f.code())));
    Set<String> wanted = new TreeSet<>(KEYWORD_CODES);
    wanted.addAll(XCodeCoverageTest.xCodes(StandardSchemas.document(
        StandardSchemas.ID_PREFIX + "observation.schema.json")));
    assertThat(covered).containsAll(wanted).doesNotContain("SCHEMA_VIOLATION");
    Set<String> levels = new LinkedHashSet<>();
    all.forEach(v -> levels.add(v.json().path("observation").path("geoLevel").asString("")));
    for (JsonNode c : StandardSchemas.codelist("geo-level").get("codes")) {
      assertThat(levels).as("a vector for every geo level").contains(c.get("code").asString());
    }
    Set<String> statuses = new LinkedHashSet<>();
    all.forEach(v -> statuses.add(v.json().path("observation").path("status").asString("")));
    for (JsonNode c : StandardSchemas.codelist("status").get("codes")) {
      assertThat(statuses).as("a vector for every status").contains(c.get("code").asString());
    }
  }

  @Test
  void aBrokenVectorIsCaught() {
    JsonNode ok = StandardSchemas.MAPPER.readTree(
        "{\"indicator\":\"poverty-rate\",\"geoLevel\":\"tract\",\"geoId\":\"24510260605\",\"period\":\"2022\",\"value\":12.5}");
    assertThat(run(ok)).isEmpty();
    JsonNode lostZero = StandardSchemas.MAPPER.readTree(
        "{\"indicator\":\"poverty-rate\",\"geoLevel\":\"tract\",\"geoId\":\"4510260605\",\"period\":\"2022\",\"value\":12.5}");
    assertThat(run(lostZero)).containsExactly(new Finding("GEOID_LENGTH_MISMATCH", "geoId"));
  }
}
