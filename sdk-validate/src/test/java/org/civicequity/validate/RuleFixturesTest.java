package org.civicequity.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.civicequity.core.SourceLocation;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every rule fixture in {@code src/test/resources/rules/<CODE>/}: each {@code fail-*} must
 * give exactly the findings of that code listed in its expectation file (file, row, line,
 * column), each {@code pass-*} none of that code and no error at all.
 *
 * <p>A fixture is an observations file ({@code .csv}, {@code .ndjson}, {@code .json}), validated
 * inside the base feed {@code rules/_feed}, or a whole feed folder. Expectations:
 * {@code fail-x.csv.expected} beside a file, {@code expected.txt} inside a folder; one finding a
 * line, {@code file row line column} with {@code -} for none, and optionally a fifth column:
 * the JSON pointer.
 */
class RuleFixturesTest {
  private static final Validator VALIDATOR = Validator.create();

  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicNode> everyRuleHasFixturesThatPassAndFail() throws IOException {
    Path rules = Fixtures.resource("rules");
    List<DynamicNode> nodes = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(rules)) {
      for (Path dir : dirs.sorted().toList()) {
        String code = dir.getFileName().toString();
        if (code.startsWith("_")) {
          continue;
        }
        List<DynamicNode> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            String n = f.getFileName().toString();
            if (n.endsWith(".expected")) {
              continue;
            }
            if (n.startsWith("pass-") || n.startsWith("fail-")) {
              cases.add(DynamicTest.dynamicTest(n, () -> check(code, f)));
            }
          }
        }
        nodes.add(DynamicContainer.dynamicContainer(code, cases));
      }
    }
    return nodes.stream();
  }

  private void check(String code, Path fixture) throws IOException {
    String n = fixture.getFileName().toString();
    Path feed = Files.isDirectory(fixture) ? fixture
        : Fixtures.feedAround(fixture, Files.createTempDirectory(temp, "feed"));
    ValidationReport report = VALIDATOR.validate(feed);
    assertThat(report.systemErrors()).as("system errors").isEmpty();
    Path exp = Files.isDirectory(fixture) ? fixture.resolve("expected.txt")
        : fixture.resolveSibling(n + ".expected");
    List<String> expected = Files.exists(exp) ? Files.readAllLines(exp, StandardCharsets.UTF_8)
        .stream().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList()
        : List.of();
    // a fifth column, where given, is the JSON pointer
    boolean pointers = expected.stream().anyMatch(s -> s.split(" ").length == 5);
    List<String> found = new ArrayList<>();
    ValidationReport.FindingGroup g = report.group(code);
    if (g != null) {
      assertThat(g.count()).as("exact count").isEqualTo(g.examples().size());
      for (Finding f : g.examples()) {
        found.add(key(f.location()) + (pointers ? " " + f.location().pointer() : ""));
      }
    }
    if (n.startsWith("pass-")) {
      assertThat(found).as("findings of " + code + " in " + n + ": " + report.examples()).isEmpty();
      assertThat(report.summary().errors()).as("errors in passing fixture " + n + ": "
          + report.examples()).isZero();
    } else {
      assertThat(expected).as("a failing fixture expects at least one finding").isNotEmpty();
      assertThat(found).as("findings of " + code + " in " + n + "; all findings: "
          + report.examples()).containsExactlyElementsOf(expected);
    }
  }

  static String key(SourceLocation l) {
    return l.file() + " " + (l.row() > 0 ? l.row() : "-") + " " + (l.line() > 0 ? l.line() : "-")
        + " " + (l.column() == null ? "-" : l.column());
  }
}
