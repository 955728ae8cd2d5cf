package org.civicequity.examples.usage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.Finding;
import org.civicequity.validate.ReportFormat;
import org.civicequity.validate.RuleSetting;
import org.civicequity.validate.UnreadableInputException;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;
import org.civicequity.validate.ValidatorOptions;

/**
 * Validates a feed with the published SDK, as a city's pipeline would, and prints the findings.
 * Then validates two observations made in code against the same definitions.
 *
 * <p>Usage: {@code ValidateFeed [feed-dir-or-file]} (default: the minimal example feed). Exit
 * code 0 when valid, 1 when invalid, 3 when the input cannot be read.
 */
public final class ValidateFeed {
  private ValidateFeed() {
  }

  public static void main(String[] args) throws Exception {
    Path feed = Path.of(args.length > 0 ? args[0] : "../feeds/minimal");

    // Build the validator once (it is immutable and thread-safe) and reuse it.
    Validator validator = Validator.create(ValidatorOptions.defaults()
        .withExampleCap(20)
        .withRule("NO_RACE_ETHNICITY_BREAKDOWN", RuleSetting.off()));

    ValidationReport report;
    try {
      report = validator.validate(feed);
    } catch (UnreadableInputException e) {
      System.err.println(e.getMessage());
      System.exit(3);
      return;
    }
    System.out.printf("%s: %s, %d rows, %d errors, %d warnings, %d infos%n", feed,
        report.valid() ? "valid" : "INVALID", report.summary().rows(), report.summary().errors(),
        report.summary().warnings(), report.summary().infos());
    for (Finding f : report.examples()) {
      System.out.printf("  %-7s %-32s %s: %s%n", f.severity(), f.code(), f.location(), f.message());
    }
    report.rulesNotRun().forEach(n -> System.out.println("  not run: " + n.code() + " (" + n.reason() + ")"));

    // Observations made in code, e.g. by a city's own ETL job, checked before they are written.
    Observation ok = Observation.builder().indicator("poverty-rate").geoLevel("tract")
        .geoId("24510040100").period("2018/2022").value(21.4).moe(3.2).build();
    Observation lostZero = Observation.builder().indicator("poverty-rate").geoLevel("state")
        .geoId("1").period("2022").value(16.2).build();
    ValidationReport inMemory = validator.validate(List.of(ok, lostZero), FeedContext.standard());
    System.out.println("in memory: " + (inMemory.valid() ? "valid" : "INVALID"));
    PrintWriter out = new PrintWriter(System.out);
    ReportFormat.TEXT.write(inMemory, out);
    out.flush();
    System.exit(report.valid() ? 0 : 1);
  }
}
