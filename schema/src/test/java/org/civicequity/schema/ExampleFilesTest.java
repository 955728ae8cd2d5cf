package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * The repository's example files written by the other modules follow the standard: every
 * {@code ../examples/feeds/*}/indicators.json against indicators.schema.json, every
 * {@code federation.json} under {@code ../examples} against federation.schema.json, and every
 * example JSON report {@code ../examples/reports/*.json} against report.schema.json. (Manifests
 * are checked by {@link FrictionlessCompatibilityTest}.) Files are found by listing, since other
 * engineers add them.
 */
class ExampleFilesTest {
  private static final Path EXAMPLES = Path.of("..", "examples");

  private static List<Path> find(Path dir, int depth, String name) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.find(dir, depth, (p, a) -> a.isRegularFile()
        && p.getFileName().toString().matches(name) && !p.toString().contains("target"))) {
      return s.sorted().toList();
    }
  }

  private static DynamicTest check(Path file, String schema) {
    return DynamicTest.dynamicTest(file + " ~ " + schema, () -> {
      JsonNode doc = StandardSchemas.MAPPER.readTree(Files.readString(file));
      List<Error> errors = StandardSchemas.schema(schema).validate(doc);
      List<String> lines = new ArrayList<>();
      errors.forEach(e -> lines.add(e.getInstanceLocation() + ": " + e.getMessage()));
      assertThat(lines).as(file.toString()).isEmpty();
    });
  }

  @TestFactory
  Stream<DynamicTest> exampleFilesFollowTheirSchemas() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path p : find(EXAMPLES.resolve("feeds"), 2, "indicators\\.json")) {
      tests.add(check(p, "indicators.schema.json"));
    }
    for (Path p : find(EXAMPLES, 4, "federation\\.json")) {
      tests.add(check(p, "federation.schema.json"));
    }
    for (Path p : find(EXAMPLES.resolve("reports"), 1, ".*\\.json")) {
      tests.add(check(p, "report.schema.json"));
    }
    return tests.stream();
  }
}
