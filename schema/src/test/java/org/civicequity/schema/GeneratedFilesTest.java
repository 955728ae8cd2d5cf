package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.civicequity.schema.docs.DocsGenerator;
import org.junit.jupiter.api.Test;

/**
 * The checked-in generated files (json/codes.schema.json, docs/*.md) equal what the generator
 * makes from the current schemas, codelists and catalogue. With {@code -Dregenerate=true} the
 * test writes them instead.
 */
class GeneratedFilesTest {
  private static final String HOW = "run `mvn -pl schema test -Dregenerate=true` to refresh";

  @Test
  void generatedFilesAreUpToDate() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    SortedMap<String, String> expected = DocsGenerator.generate(module);
    if (Boolean.getBoolean("regenerate")) {
      DocsGenerator.write(module, expected);
    }
    List<String> stale = new ArrayList<>();
    for (var e : expected.entrySet()) {
      Path p = module.resolve(e.getKey());
      if (!Files.exists(p)) {
        stale.add(e.getKey() + " (missing)");
      } else if (!Files.readString(p, StandardCharsets.UTF_8).equals(e.getValue())) {
        stale.add(e.getKey() + " (differs)");
      }
    }
    try (var s = Files.list(module.resolve(DocsGenerator.DOCS_DIR))) {
      s.map(p -> DocsGenerator.DOCS_DIR + "/" + p.getFileName())
          .filter(n -> n.endsWith(".md") && !expected.containsKey(n))
          .forEach(n -> stale.add(n + " (no longer generated)"));
    }
    assertThat(stale).as("generated files are stale: " + HOW).isEmpty();
  }

  @Test
  void generationIsDeterministic() throws IOException {
    Path module = Path.of("").toAbsolutePath();
    assertThat(DocsGenerator.generate(module)).isEqualTo(DocsGenerator.generate(module));
  }
}
