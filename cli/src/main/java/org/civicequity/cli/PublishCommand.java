package org.civicequity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicequity.cli.internal.ReportFormatConverter;
import org.civicequity.publish.FeedPublisher;
import org.civicequity.publish.PublishException;
import org.civicequity.publish.PublishOptions;
import org.civicequity.publish.PublishResult;
import org.civicequity.validate.ReportFormat;
import org.civicequity.validate.RuleSetting;
import org.civicequity.validate.RuleSettings;
import org.civicequity.validate.ValidatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code civic-equity publish <source dir> --out <feed dir> [--issued YYYY-MM-DD] [--previous
 * <feed dir>]}: validates a source folder (refusing to publish on errors, with the report),
 * applies the suppression policy, writes the feed with its catalog entry and dashboard, and moves
 * it into place atomically.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = {
        "Publish a source folder as a feed: validate (refuse on errors), apply the suppression policy, "
            + "write observations (CSV and NDJSON), indicators, datapackage.json with SHA-256 hashes, "
            + "data.json (DCAT-US 1.1), index.html (the equity dashboard) and, with --previous, "
            + "CHANGES.json; then move the feed into place atomically.",
        "",
        "A failure at any step leaves the previous feed as it was. The same sources and --issued give a "
            + "byte-identical feed."},
    footer = {"", "Examples:",
        "  civic-equity publish baltimore-source --out site/baltimore --issued 2024-05-01",
        "  civic-equity publish source --out site/feed --previous site/feed-2023 --base-url https://data.example.org/feed/"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:published (the feed is valid; warnings allowed)",
        "1:refused: the sources are invalid or incomplete (the report says why), or the version the source "
            + "states is not higher than the previous feed's; nothing changed",
        "2:the command was misused (bad option or date)",
        "3:the sources could not be read, or the feed could not be written; nothing changed",
        "4:internal error"})
public final class PublishCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<source dir>", description = "the source folder")
  private Path source;

  @Option(names = "--out", required = true, paramLabel = "<feed dir>",
      description = "the feed directory to create or replace")
  private Path out;

  @Option(names = "--issued", paramLabel = "YYYY-MM-DD",
      description = "the issue date written into the feed (default: today, UTC)")
  private String issued;

  @Option(names = "--previous", paramLabel = "<feed dir>",
      description = "a previous version of the feed: CHANGES.json lists what changed since it, and the new "
          + "version is the previous one bumped by the kind of change (major: observations or indicators removed, "
          + "or unit, numerator, denominator, universe or polarity changed; minor: added, or other definition "
          + "changes; patch: values revised), unless the source states a higher version")
  private Path previous;

  @Option(names = "--base-url", paramLabel = "<url>",
      description = "the feed's public address, for the download links of data.json (default: the manifest's homepage)")
  private String baseUrl;

  @Option(names = "--rules", paramLabel = "<file>",
      description = "rule settings for validation, one a line: CODE=off|on|error|warning|info")
  private Path rules;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
      description = "format of the report when publishing is refused: text (default), json, html, sarif",
      converter = ReportFormatConverter.class)
  private ReportFormat format;

  @Option(names = "--verify",
      description = "also validate the written feed as a whole (re-reading it) before moving it into place")
  private boolean verify;

  /** Instances are made by picocli. */
  PublishCommand() {
  }

  /**
   * Publishes.
   *
   * @return the exit code
   */
  @Override
  public Integer call() {
    ReportFormat f = format;
    LocalDate date = null;
    if (issued != null) {
      try {
        date = LocalDate.parse(issued);
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "--issued: expected a date YYYY-MM-DD, found '" + issued + "'");
      }
    }
    if (!Files.isDirectory(source)) {
      throw new CommandFailure(ExitCode.UNREADABLE, "no such source folder: " + source);
    }
    if (previous != null && !Files.isDirectory(previous)) {
      throw new CommandFailure(ExitCode.UNREADABLE, "--previous: no such feed directory: " + previous);
    }
    PublishOptions options;
    try {
      options = new PublishOptions(date, previous, baseUrl, ValidatorOptions.defaults().withRules(readRules()),
          verify);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PublishResult r;
    try {
      r = FeedPublisher.publish(source, out, options);
    } catch (PublishException e) {
      if (e.report() != null) {
        try {
          f.write(e.report(), stdout);
        } catch (IOException io) {
          throw new CommandFailure(ExitCode.UNREADABLE, "cannot write the report: " + io.getMessage(), io);
        }
        stdout.flush();
        err.println("publish: refused: " + e.getMessage());
      } else {
        err.println("publish: refused: " + e.getMessage());
      }
      err.flush();
      return ExitCode.INVALID;
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, org.civicequity.cli.internal.OneLineErrors.reason(e)
          + " (the previous feed, if any, is unchanged)", e);
    }
    stdout.println("Published " + r.observations() + " observations of " + r.indicators() + " indicators to "
        + r.feed() + ": " + String.join(", ", r.files()) + ".");
    if (r.versionChange() != null) {
      stdout.println("Version " + r.versionChange().version() + " (" + r.versionChange().bump() + " change since "
          + (r.versionChange().previousVersion() == null ? "a feed without a version"
              : r.versionChange().previousVersion()) + "): " + r.versionChange().reason());
    }
    if (r.smallCells() + r.complementary() > 0) {
      stdout.println("Suppressed by the feed's policy: " + r.smallCells() + " small cells, " + r.complementary()
          + " complementary cells.");
    }
    stdout.println("Validation" + (verify ? " of the published feed" : " of the sources") + ": "
        + r.report().summary().errors() + " errors, "
        + r.report().summary().warnings() + " warnings, " + r.report().summary().infos() + " infos"
        + (r.report().summary().warnings() > 0 ? " (run 'civic-equity validate " + out + "' for details)" : "") + ".");
    stdout.flush();
    return ExitCode.OK;
  }

  private Map<String, RuleSetting> readRules() {
    if (rules == null) {
      return Map.of();
    }
    try {
      return RuleSettings.read(rules);
    } catch (NoSuchFileException e) {
      throw new ParameterException(spec.commandLine(), "--rules: no such file: " + rules);
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, "--rules: cannot read " + rules + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
    }
  }
}
