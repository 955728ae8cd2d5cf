package org.civicequity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.civicequity.validate.ReportFormat;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The SDK's validator on the example feeds: both are valid, the minimal feed without a single
 * finding, and their text and JSON reports are golden files in {@code examples/reports/}, so that
 * a change in the validator's behaviour shows up in review. Run with {@code -Dregenerate=true} to
 * rewrite the golden files after an intended change.
 */
class ExampleReportsTest {

  static final Path GOLDEN = Path.of("reports");

  static final boolean REGENERATE = Boolean.getBoolean("regenerate");

  static final Validator VALIDATOR = Validator.create();

  /** Each feed is validated once per test run; the reports are immutable. */
  static final java.util.Map<Path, ValidationReport> REPORTS = new java.util.concurrent.ConcurrentHashMap<>();

  static ValidationReport validate(Path feed) {
    return REPORTS.computeIfAbsent(feed, f -> {
      try {
        return VALIDATOR.validate(f);
      } catch (org.civicequity.validate.UnreadableInputException e) {
        throw new AssertionError(f + " cannot be read: " + e.getMessage(), e);
      }
    });
  }

  @Test
  void theMinimalFeedHasNoFindingAtAllAndEveryRuleRan() throws Exception {
    ValidationReport report = validate(ExampleFeeds.FEEDS.resolve("minimal"));
    assertThat(report.valid()).isTrue();
    assertThat(report.examples()).isEmpty();
    assertThat(report.summary().rows()).isEqualTo(30);
    assertThat(report.rulesNotRun()).isEmpty();
    assertThat(report.systemErrors()).isEmpty();
  }

  @Test
  void everyFeedIsValidWithoutWarnings() throws Exception {
    for (Path feed : ExampleFeeds.feeds()) {
      ValidationReport report = validate(feed);
      assertThat(report.valid()).as("%s is valid", feed).isTrue();
      assertThat(report.summary().errors() + report.summary().warnings())
          .as("errors and warnings of %s: %s", feed, report.examples()).isZero();
      assertThat(report.systemErrors()).as("system errors on %s", feed).isEmpty();
    }
  }

  /** The report with the validator's version replaced, so a version bump does not touch it. */
  static String render(ValidationReport report, ReportFormat format) throws IOException {
    StringWriter out = new StringWriter();
    format.write(report, out);
    return out.toString().replace(report.validatorVersion(), "VERSION").replace("\r\n", "\n");
  }

  @TestFactory
  Stream<DynamicTest> reportsMatchTheGoldenFiles() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path feed : ExampleFeeds.feeds()) {
      ValidationReport report = validate(feed);
      for (ReportFormat format : List.of(ReportFormat.TEXT, ReportFormat.JSON)) {
        String suffix = format == ReportFormat.JSON ? ".json" : ".txt";
        Path golden = GOLDEN.resolve(feed.getFileName() + suffix);
        tests.add(DynamicTest.dynamicTest(golden.toString(), () -> {
          String actual = render(report, format);
          if (REGENERATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
          }
          assertThat(golden).as("golden report (create it with -Dregenerate=true)").isRegularFile();
          assertThat(actual).as("report %s; if the change is intended, run "
              + "mvn -pl examples test -Dregenerate=true and review the diff", golden)
              .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }));
      }
    }
    return tests.stream();
  }
}
