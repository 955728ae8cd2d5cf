package org.civicequity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** Every resource of every example feed is where its manifest says, with its size and SHA-256. */
class ManifestChecksumTest {

  static String sha256(Path file) throws IOException {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyResourceMatchesItsBytesAndHash() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path feed : ExampleFeeds.feeds()) {
      for (Map.Entry<String, JsonNode> e : ExampleFeeds.resources(feed).entrySet()) {
        String path = e.getKey();
        JsonNode resource = e.getValue();
        tests.add(DynamicTest.dynamicTest(feed.getFileName() + "/" + path, () -> {
          Path file = feed.resolve(path).normalize();
          assertThat(file.startsWith(feed.normalize())).as("%s stays inside the feed", path).isTrue();
          assertThat(file).as("resource %s of %s", path, feed).isRegularFile();
          assertThat(resource.path("bytes").isIntegralNumber()).as("%s declares bytes", path).isTrue();
          assertThat(resource.path("bytes").asLong()).as("bytes of %s", path).isEqualTo(Files.size(file));
          assertThat(resource.path("hash").asString()).as("hash of %s", path)
              .isEqualTo("sha256:" + sha256(file));
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everyFeedFileIsDeclaredAsAResource() throws IOException {
    for (Path feed : ExampleFeeds.feeds()) {
      List<String> declared = new ArrayList<>(ExampleFeeds.resources(feed).keySet());
      try (Stream<Path> files = Files.list(feed)) {
        List<String> data = files.map(p -> p.getFileName().toString())
            .filter(n -> !n.equals("datapackage.json") && !n.equals("README.md")).sorted().toList();
        assertThat(declared).as("resources of %s", feed).containsExactlyInAnyOrderElementsOf(data);
      }
    }
  }

  /** The real data files are unmodified copies: their checksums are recorded next to them. */
  @Test
  void realDataFilesAreUnchanged() throws IOException {
    Map<String, String> recorded = new LinkedHashMap<>();
    for (String line : Files.readAllLines(ExampleFeeds.REAL_DATA.resolve("CHECKSUMS.sha256"))) {
      String[] parts = line.split("\\s+", 2);
      recorded.put(parts[1], parts[0]);
    }
    try (Stream<Path> files = Files.list(ExampleFeeds.REAL_DATA)) {
      List<String> csvs = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".csv")).sorted().toList();
      assertThat(recorded.keySet()).containsExactlyInAnyOrderElementsOf(csvs).hasSize(8);
    }
    for (Map.Entry<String, String> e : recorded.entrySet()) {
      assertThat(sha256(ExampleFeeds.REAL_DATA.resolve(e.getKey()))).as(e.getKey())
          .isEqualTo(e.getValue());
    }
  }
}
