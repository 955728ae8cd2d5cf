package org.civicequity.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is generated from the rule classes; this test fails when it is stale.
 * Regenerate with {@code -Dcivicequity.regenerate=true}.
 */
class RulesDocTest {
  static final Path DOC = Path.of("..", "docs", "rules.md");

  @Test
  void rulesMarkdownIsUpToDate() throws IOException {
    String generated = RuleCatalogue.toMarkdown(RuleCatalogue.describeBuiltIn());
    if (Boolean.getBoolean("civicequity.regenerate")) {
      Files.writeString(DOC, generated, StandardCharsets.UTF_8);
    }
    assertThat(DOC).as("docs/rules.md exists; run with -Dcivicequity.regenerate=true").exists();
    String onDisk = Files.readString(DOC, StandardCharsets.UTF_8).replace("\r\n", "\n");
    assertThat(onDisk).as("docs/rules.md is stale: run mvn -pl sdk-validate test "
        + "-Dtest=RulesDocTest -Dcivicequity.regenerate=true").isEqualTo(generated);
  }
}
