package org.civicequity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.core.io.ObservationJson;
import org.civicequity.core.io.ObservationReader;
import org.civicequity.core.io.ObservationWriter;
import org.civicequity.core.io.ReadOptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The vector agreement test: every shared test vector of the standard
 * ({@code ../schema/src/test/resources/vectors}, required) and every vector of this module
 * ({@code src/test/resources/vectors}) gives exactly its expected set of (code, field) pairs on
 * every validating path:
 * <ol>
 *   <li>{@code json-schema}: the JSON Schema on the vector's observation;</li>
 *   <li>{@code csv-schema}: the observation read as JSON, written as a one-row CSV, read back
 *       with the CSV reader, typed per the schema, and checked by the JSON Schema;</li>
 *   <li>{@code csv-compiled}: the compiled checks on the record read from that CSV;</li>
 *   <li>{@code json-bean}: Bean Validation on the record read from the JSON.</li>
 * </ol>
 * The CSV paths skip vectors marked {@code jsonOnly}.
 */
class VectorAgreementTest {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final Path SHARED = Path.of("..", "schema", "src", "test", "resources", "vectors");
  static final Path OWN = Path.of("src", "test", "resources", "vectors");

  record Pair(String code, String field) implements Comparable<Pair> {
    Pair {
      field = field == null ? "" : field;
    }

    @Override
    public int compareTo(Pair o) {
      int c = code.compareTo(o.code);
      return c != 0 ? c : field.compareTo(o.field);
    }

    @Override
    public String toString() {
      return code + "@" + field;
    }
  }

  @TestFactory
  Stream<DynamicNode> sharedVectors() throws IOException {
    assertThat(SHARED).as("the shared test vectors of the schema module must exist at "
        + SHARED.toAbsolutePath().normalize()).isDirectory();
    List<DynamicNode> nodes = vectors(SHARED);
    assertThat(nodes).as("shared vectors").isNotEmpty();
    return nodes.stream();
  }

  @TestFactory
  Stream<DynamicNode> moduleVectors() throws IOException {
    List<DynamicNode> nodes = vectors(OWN);
    assertThat(nodes).as("vectors of sdk-core").hasSizeGreaterThan(20);
    return nodes.stream();
  }

  private static List<DynamicNode> vectors(Path root) throws IOException {
    List<DynamicNode> out = new ArrayList<>();
    for (String kind : List.of("valid", "invalid")) {
      Path dir = root.resolve(kind);
      assertThat(dir).isDirectory();
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      }
      for (Path f : files) {
        out.add(vector(kind + "/" + f.getFileName(), MAPPER.readTree(f.toFile())));
      }
    }
    return out;
  }

  private static DynamicContainer vector(String name, JsonNode v) {
    JsonNode observation = v.get("observation");
    Set<Pair> expected = new TreeSet<>();
    for (JsonNode e : v.path("expected")) {
      expected.add(new Pair(e.get("code").asString(), e.path("field").asString("")));
    }
    boolean jsonOnly = v.path("jsonOnly").asBoolean(false);
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("json-schema", () ->
        assertThat(pairs(StandardSchemas.validate("observation.schema.json", observation)))
            .as(name + " " + v.path("description").asString()).isEqualTo(expected)));
    if (!jsonOnly) {
      tests.add(DynamicTest.dynamicTest("csv-schema", () -> {
        Observation fromCsv = throughCsv(observation);
        assertThat(pairs(StandardSchemas.validate("observation.schema.json",
            ObservationJson.toJson(fromCsv)))).as(name + " typed CSV row " + fromCsv)
            .isEqualTo(expected);
      }));
      tests.add(DynamicTest.dynamicTest("csv-compiled", () -> {
        Observation fromCsv = throughCsv(observation);
        assertThat(pairs(ObservationConstraints.check(fromCsv))).as(name + " " + fromCsv)
            .isEqualTo(expected);
      }));
    }
    tests.add(DynamicTest.dynamicTest("json-bean", () -> {
      Observation fromJson = readJson(observation);
      assertThat(pairs(ObservationConstraints.validate(fromJson))).as(name + " " + fromJson)
          .isEqualTo(expected);
    }));
    return DynamicContainer.dynamicContainer(name, tests);
  }

  static Set<Pair> pairs(List<SchemaViolation> violations) {
    Set<Pair> out = new TreeSet<>();
    for (SchemaViolation s : violations) {
      out.add(new Pair(s.code(), s.field()));
    }
    return out;
  }

  /** Reads one observation object with the JSON reader; it must read without problems. */
  static Observation readJson(JsonNode observation) throws IOException {
    byte[] bytes = MAPPER.writeValueAsBytes(MAPPER.createArrayNode().add(observation));
    try (ObservationReader r = ObservationReader.of(new ByteArrayInputStream(bytes),
        "vector.json", ObservationFormat.JSON, ReadOptions.defaults())) {
      assertThat(r.hasNext()).as("the vector reads as one observation").isTrue();
      Observation o = r.next();
      assertThat(r.hasNext()).isFalse();
      assertThat(r.problems()).isEmpty();
      return o;
    }
  }

  /** JSON object -> record -> one-row CSV -> record read by the CSV reader. */
  static Observation throughCsv(JsonNode observation) throws IOException {
    Observation o = readJson(observation);
    List<String> extra = new ArrayList<>(new TreeSet<>(o.extra().keySet()));
    for (String k : new TreeSet<>(o.unparsed().keySet())) {
      if (!Observation.FIELDS.contains(k)) {
        extra.add(k);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObservationWriter w = ObservationWriter.csv(out, extra)) {
      w.write(o);
    }
    try (ObservationReader r = ObservationReader.of(new ByteArrayInputStream(out.toByteArray()),
        "vector.csv", ObservationFormat.CSV, ReadOptions.defaults())) {
      assertThat(r.hasNext()).as("the CSV has one row: " + out.toString(StandardCharsets.UTF_8))
          .isTrue();
      Observation back = r.next();
      assertThat(r.problems()).isEmpty();
      return back;
    }
  }
}
