package org.civicequity.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicequity.cli.internal.ReportFormatConverter;
import org.civicequity.validate.ProgressListener;
import org.civicequity.validate.ReportFormat;
import org.civicequity.validate.RuleSetting;
import org.civicequity.validate.RuleSettings;
import org.civicequity.validate.UnreadableInputException;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;
import org.civicequity.validate.ValidatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code civic-equity validate <input>}: validates a feed directory, a {@code datapackage.json},
 * a {@code .zip} or a bare observations file, and writes the report (text, JSON, HTML or SARIF)
 * to standard output or a file. The exit code says whether the input is valid.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = {
        "Validate a feed (a directory, its datapackage.json or a .zip) or a bare "
            + "observations.csv/.ndjson (checked against the core catalogue).",
        "",
        "Findings say what was expected, what was found, and where (file, row, line, column or "
            + "JSON pointer). Run 'civic-equity rules' for every rule."},
    footer = {"", "Examples:", "  civic-equity validate my-feed",
        "  civic-equity validate my-feed --format sarif --output report.sarif",
        "  civic-equity validate observations.csv --rules rules.txt --strict"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:valid (warnings allowed)",
        "1:invalid (or warnings with --strict)",
        "2:the command was misused (bad option, unknown rule code in --rules)",
        "3:the input could not be read at all (or the report could not be written)",
        "4:internal error: a rule failed (the report lists it under system errors)"})
public final class ValidateCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<input>",
      description = "feed directory, datapackage.json, .zip, or observations.csv/.ndjson/.json")
  private Path input;

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
      description = "text (default), json, html or sarif",
      converter = ReportFormatConverter.class)
  private ReportFormat format;

  @Option(names = "--output", paramLabel = "<file>",
      description = "write the report to this file instead of standard output")
  private Path output;

  @Option(names = "--strict", description = "treat warnings as making the input invalid")
  private boolean strict;

  @Option(names = "--rules", paramLabel = "<file>",
      description = "rule settings, one a line: CODE=off|on|error|warning|info")
  private Path rules;

  @Option(names = "--max-examples", paramLabel = "<n>", defaultValue = "50",
      description = "examples kept per code in the report (counts stay exact; default 50)")
  private int maxExamples;

  /** Instances are made by picocli. */
  ValidateCommand() {
  }

  /**
   * Validates and writes the report.
   *
   * @return the exit code: 0 valid, 1 invalid, 4 when a rule failed
   * @throws CommandFailure if the input cannot be read or the report cannot be written
   */
  @Override
  public Integer call() {
    ReportFormat f = format;
    if (maxExamples < 1) {
      throw new ParameterException(spec.commandLine(),
          "--max-examples must be at least 1, found " + maxExamples);
    }
    ValidatorOptions options = ValidatorOptions.defaults().withStrict(strict)
        .withExampleCap(maxExamples).withRules(readRules());
    Validator validator;
    try {
      validator = Validator.create(options);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = System.console() != null ? new Progress(err) : null;
    ValidationReport report;
    try {
      report = validator.validate(input, progress == null ? ProgressListener.NONE : progress);
    } catch (UnreadableInputException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, e.getMessage(), e);
    } finally {
      if (progress != null) {
        progress.done();
      }
    }
    write(f, report);
    if (output != null) {
      ValidationReport.Summary s = report.summary();
      err.println("validate: " + (report.valid() ? "valid" : "INVALID") + ": " + s.errors()
          + " errors, " + s.warnings() + " warnings, " + s.infos() + " infos in " + s.rows()
          + " rows; " + f.toString().toUpperCase(Locale.ROOT) + " report written to " + output);
      err.flush();
    }
    if (!report.systemErrors().isEmpty()) {
      return ExitCode.INTERNAL;
    }
    if (!report.valid() || (strict && report.summary().warnings() > 0)) {
      return ExitCode.INVALID;
    }
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
      throw new CommandFailure(ExitCode.UNREADABLE, "--rules: cannot read " + rules + ": "
          + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
    }
  }

  private void write(ReportFormat f, ValidationReport report) {
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      try {
        f.write(report, out);
      } catch (IOException e) {
        throw new CommandFailure(ExitCode.UNREADABLE, "cannot write the report: " + e.getMessage(), e);
      }
      out.flush();
      return;
    }
    Path target = output.toAbsolutePath();
    Path tmp = null;
    try {
      Path dir = target.getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      // Not Files.createTempFile: it makes the file 0600, and the rename keeps that mode, so CI
      // uploaders or web servers running as another user could not read the report. A new file
      // gets the default permissions (the umask), as if it had been written in place.
      tmp = (dir == null ? Path.of("") : dir).resolve(".civic-equity-report-"
          + java.util.UUID.randomUUID() + ".tmp");
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE))) {
        f.write(report, w);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, "cannot write the report to " + output + ": "
          + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is gone or will be cleaned with the temp folder
        }
      }
    }
  }

  /** Shows rows validated on one terminal line (only when standard error is a terminal). */
  private static final class Progress implements ProgressListener {
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private boolean shown;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void rowsValidated(long rows) {
      if (System.nanoTime() - start < 1_000_000_000L) {
        return;
      }
      err.print(String.format(Locale.ROOT, "\rvalidated %,d rows", rows));
      err.flush();
      shown = true;
    }

    void done() {
      if (shown) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
  }
}
