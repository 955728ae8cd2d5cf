package org.civicequity.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.civicequity.core.Observation;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.core.io.ObservationReader;
import org.civicequity.core.io.ReadOptions;
import org.civicequity.validate.internal.input.SchemaCheck;
import org.civicequity.validate.internal.input.StandardCodelists;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The compiled fast path (the structural row rules) agrees with networknt on every shared test
 * vector of {@code schema/src/test/resources/vectors}: the same set of (code, field) pairs, through
 * the NDJSON reader and, unless a vector is JSON-only, through the CSV reader.
 */
class ObservationVectorsTest {
  static final Path VECTORS = Path.of("..", "schema", "src", "test", "resources", "vectors");
  static final Set<String> STRUCTURE = Set.of("REQUIRED_FIELD_MISSING", "UNKNOWN_FIELD",
      "WRONG_TYPE", "UNKNOWN_CODE", "INVALID_ID", "GEOID_LENGTH_MISMATCH", "PERIOD_INVALID",
      "NEGATIVE_MOE", "VALUE_WITHOUT_STATUS_MISSING", "SUPPRESSED_VALUE_PRESENT",
      "SCHEMA_VIOLATION");
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final Validator VALIDATOR = Validator.create();
  static final FeedContext CONTEXT = FeedContext.builder().codelists(StandardCodelists.all())
      .build();

  @TestFactory
  Stream<DynamicTest> fastPathAgreesWithNetworkntOnEveryVector() throws IOException {
    assertThat(VECTORS).as("the shared vectors").isDirectory();
    List<DynamicTest> tests = new ArrayList<>();
    for (String kind : List.of("valid", "invalid")) {
      try (Stream<Path> s = Files.list(VECTORS.resolve(kind))) {
        for (Path p : s.sorted().toList()) {
          tests.add(DynamicTest.dynamicTest(kind + "/" + p.getFileName(), () -> check(p)));
        }
      }
    }
    assertThat(tests).hasSizeGreaterThan(10);
    return tests.stream();
  }

  private void check(Path vector) throws IOException {
    JsonNode v = MAPPER.readTree(vector.toFile());
    JsonNode obs = v.get("observation");
    Set<String> expected = new TreeSet<>();
    for (JsonNode e : v.path("expected")) {
      expected.add(e.get("code").asString() + "@" + e.get("field").asString());
    }
    Set<String> networknt = new TreeSet<>();
    for (SchemaCheck.Violation x : SchemaCheck.validate("observation.schema.json", obs)) {
      networknt.add(x.code() + "@" + x.field());
    }
    Set<String> ndjson = fastPath(MAPPER.writeValueAsString(obs) + "\n", ObservationFormat.NDJSON);
    assertThat(ndjson).as("NDJSON fast path vs networknt").isEqualTo(networknt);
    if (!v.path("jsonOnly").asBoolean(false)) {
      Set<String> csv = fastPath(csv(obs), ObservationFormat.CSV);
      assertThat(csv).as("CSV fast path vs networknt").isEqualTo(networknt);
    }
    assumeTrue(networknt.equals(expected),
        "networknt disagrees with the vector itself (a schema-module issue): " + networknt);
    assertThat(ndjson).isEqualTo(expected);
  }

  private static Set<String> fastPath(String text, ObservationFormat format) {
    List<Observation> rows = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (ObservationReader r = ObservationReader.of(new ByteArrayInputStream(
        text.getBytes(StandardCharsets.UTF_8)), "vector", format,
        ReadOptions.defaults().withListener(p -> problems.add(p.toString())))) {
      r.forEachRemaining(rows::add);
    }
    assertThat(problems).as("read problems").isEmpty();
    ValidationReport report = VALIDATOR.validate(rows, CONTEXT);
    Set<String> found = new TreeSet<>();
    for (Finding f : report.examples()) {
      // beyond the schema, by design: PERIOD_INVALID also checks that an interval runs forwards
      boolean beyondSchema = f.message().startsWith("expected an interval whose start");
      if (STRUCTURE.contains(f.code()) && !beyondSchema) {
        found.add(f.code() + "@" + f.location().column());
      }
    }
    return found;
  }

  /** One CSV row with one column per member: text as is, numbers as JSON writes them. */
  private static String csv(JsonNode obs) {
    List<String> names = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : obs.properties()) {
      names.add(e.getKey());
      JsonNode n = e.getValue();
      cells.add(n.isNull() ? "" : quote(n.isString() ? n.asString() : n.toString()));
    }
    return String.join(",", names) + "\n" + String.join(",", cells) + "\n";
  }

  private static String quote(String s) {
    return s.matches(".*[\",\\r\\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
