package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
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
 * Our manifest profile is a profile of Frictionless Data Package v2: every manifest valid for it
 * is valid for the official v2 profile (draft-07, no $id, loaded from the test classpath), and the
 * invalid manifests are rejected by ours. The example feeds of the repository
 * ({@code ../examples/feeds/*}/datapackage.json) must pass both.
 */
class FrictionlessCompatibilityTest {
  private static final Schema OURS = StandardSchemas.schema("datapackage.schema.json");
  private static final Schema OFFICIAL = official();

  private static Schema official() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
        b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    try (InputStream in = FrictionlessCompatibilityTest.class.getResourceAsStream(
        "/external/frictionless/2.0/datapackage.json")) {
      return registry.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  private static Path manifests(String kind) throws URISyntaxException {
    return Path.of(FrictionlessCompatibilityTest.class.getResource("/manifests/" + kind).toURI());
  }

  /** The example feeds' manifests; other engineers add feeds there, so the list is read each run. */
  static List<Path> exampleManifests() throws IOException {
    List<Path> out = new ArrayList<>();
    Path feeds = Path.of("..", "examples", "feeds");
    if (Files.isDirectory(feeds)) {
      try (Stream<Path> s = Files.list(feeds)) {
        for (Path feed : s.sorted().toList()) {
          Path manifest = feed.resolve("datapackage.json");
          if (Files.isRegularFile(manifest)) {
            out.add(manifest);
          }
        }
      }
    }
    return out;
  }

  private static JsonNode read(Path p) throws IOException {
    return StandardSchemas.MAPPER.readTree(Files.readString(p));
  }

  private static String describe(List<Error> errors) {
    List<String> out = new ArrayList<>();
    errors.forEach(e -> out.add(e.getInstanceLocation() + ": " + e.getMessage()));
    return String.join("\n", out);
  }

  @TestFactory
  Stream<DynamicTest> validManifestsPassOursAndTheOfficialProfile() throws Exception {
    List<Path> all = new ArrayList<>(files(manifests("valid")));
    all.addAll(exampleManifests());
    assertThat(all).hasSizeGreaterThanOrEqualTo(4);
    return all.stream().map(p -> DynamicTest.dynamicTest(p.toString(), () -> {
      JsonNode m = read(p);
      List<Error> ours = OURS.validate(m);
      assertThat(ours).as("our profile:\n" + describe(ours)).isEmpty();
      List<Error> official = OFFICIAL.validate(m);
      assertThat(official).as("official Frictionless v2 profile:\n" + describe(official)).isEmpty();
    }));
  }

  @TestFactory
  Stream<DynamicTest> invalidManifestsFailOurs() throws Exception {
    return files(manifests("invalid")).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () ->
        assertThat(OURS.validate(read(p))).as("rejected by our profile").isNotEmpty()));
  }

  @Test
  void theOfficialProfileIsReallyChecked() throws Exception {
    JsonNode m = read(manifests("valid").resolve("minimal.json"));
    ((tools.jackson.databind.node.ObjectNode) m).putArray("resources");
    assertThat(OFFICIAL.validate(m)).as("no resources is invalid Frictionless").isNotEmpty();
    for (String stricter : List.of("missing-civic-equity.json", "hash-upper-case.json", "unknown-member-profile.json")) {
      assertThat(OFFICIAL.validate(read(manifests("invalid").resolve(stricter))))
          .as(stricter + ": valid Frictionless, but our profile is stricter").isEmpty();
    }
    assertThat(OFFICIAL.validate(read(manifests("invalid").resolve("path-dot-dot.json")))).isNotEmpty();
  }
}
