package org.civicequity.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.civicequity.cli.internal.ReportFormatConverter;
import org.civicequity.core.Observation;
import org.civicequity.publish.Conversion;
import org.civicequity.publish.ConversionProblem;
import org.civicequity.publish.Converter;
import org.civicequity.publish.Mapping;
import org.civicequity.publish.MappingException;
import org.civicequity.publish.MappingProblem;
import org.civicequity.publish.SourceFolder;
import org.civicequity.validate.ReportFormat;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.ValidatorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code civic-equity convert <input>... --mapping <file|recipe:NAME> --out <dir>}: converts local
 * tables (CSV or Excel) with a mapping file or a shipped recipe into a source folder (indicators,
 * observations, geographies, datapackage.json) and validates what it produced. Every problem
 * points at the user's own file, row and column, or at the mapping file.
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = {
        "Convert a CSV or Excel (.xlsx) table into a source folder with a mapping file or a recipe, "
            + "and validate the result.",
        "",
        "The folder gets datapackage.json, indicators.json, observations.csv, geographies.csv (for custom "
            + "areas) and validation-report.json; edit it, then run 'civic-equity publish'.",
        "Recipes: recipe:bnia-vital-signs, recipe:acs-table, recipe:city-health-dashboard, recipe:cdc-wonder."},
    footer = {"", "Examples:",
        "  civic-equity convert Violent_Crime.csv --mapping recipe:bnia-vital-signs --out baltimore-source",
        "  civic-equity convert acs.csv --mapping recipe:acs-table --constant period=2019 --out acs-source",
        "  civic-equity convert table.xlsx --mapping my-mapping.json --out source"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:converted; the result is valid (warnings allowed)",
        "1:the mapping is invalid, or the conversion met errors, or the result is invalid or lacks what publish "
            + "needs (publisher name and contact email)",
        "2:the command was misused (bad option)",
        "3:the input could not be read, or the folder could not be written",
        "4:internal error"})
public final class ConvertCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<input>",
      description = "the table: .csv (or .txt) or .xlsx; several files of one source (converted with the same "
          + "mapping into one folder) may be given")
  private List<Path> inputs;

  @Option(names = "--mapping", required = true, paramLabel = "<file|recipe:NAME>",
      description = "a mapping file, or recipe:NAME for a shipped recipe")
  private String mapping;

  @Option(names = "--out", required = true, paramLabel = "<dir>", description = "the source folder to write")
  private Path out;

  @Option(names = "--constant", paramLabel = "FIELD=VALUE",
      description = "a value for a field the table does not give (e.g. period=2019); repeatable")
  private List<String> constants = List.of();

  @Option(names = "--format", paramLabel = "<format>", defaultValue = "text",
      description = "format of the validation report on standard output: text (default), json, html, sarif",
      converter = ReportFormatConverter.class)
  private ReportFormat format;

  /** Instances are made by picocli. */
  ConvertCommand() {
  }

  /**
   * Converts, writes the source folder, validates and reports.
   *
   * @return the exit code
   */
  @Override
  public Integer call() {
    ReportFormat f = format;
    Map<String, String> fixed = new LinkedHashMap<>();
    for (String c : constants) {
      int eq = c.indexOf('=');
      if (eq <= 0 || !Observation.FIELDS.contains(c.substring(0, eq).strip())) {
        throw new ParameterException(spec.commandLine(), "--constant: expected FIELD=VALUE with a field of the "
            + "standard (" + String.join(", ", Observation.FIELDS) + "), found '" + c + "'");
      }
      fixed.put(c.substring(0, eq).strip(), c.substring(eq + 1).strip());
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Mapping m;
    try {
      m = Mapping.load(mapping).withConstants(fixed);
    } catch (MappingException e) {
      err.println("convert: the mapping " + mapping + " cannot be used:");
      for (MappingProblem p : e.problems()) {
        err.println("  " + p);
      }
      err.flush();
      return ExitCode.INVALID;
    }
    for (Path input : inputs) {
      if (!Files.isRegularFile(input)) {
        throw new CommandFailure(ExitCode.UNREADABLE, "no such file: " + input);
      }
    }
    Conversion c;
    try {
      c = Converter.convert(inputs, m);
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, e.getMessage(), e);
    }
    List<String> written;
    try {
      written = SourceFolder.write(c, out);
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, "cannot write " + out + ": "
          + org.civicequity.cli.internal.OneLineErrors.reason(e), e);
    }
    ValidationReport report = SourceFolder.validate(c, ValidatorOptions.defaults());
    // the rule publish refuses on (publisher name and contact email), so that convert and publish agree
    List<String> unpublishable = SourceFolder.publishProblems(c);
    try {
      try (Writer w = new BufferedWriter(Files.newBufferedWriter(out.resolve("validation-report.json"),
          StandardCharsets.UTF_8))) {
        ReportFormat.JSON.write(report, w);
      }
      if (!c.problems().isEmpty()) {
        stdout.println("Conversion of " + c.input() + " with " + c.mapping() + ":");
        for (ConversionProblem p : c.problems()) {
          stdout.println("  " + p);
        }
        stdout.println();
      }
      f.write(report, stdout);
      if (!unpublishable.isEmpty()) {
        stdout.println();
        for (String line : unpublishable) {
          stdout.println("publish would refuse this folder: " + line);
        }
      }
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, "cannot write the report: " + e.getMessage(), e);
    }
    stdout.flush();
    long errors = c.problems().stream().filter(p -> p.severity() == ConversionProblem.Severity.ERROR).count();
    err.println("convert: " + c.observations().size() + " observations of " + c.indicators().size()
        + " indicators" + (c.geographies().isEmpty() ? "" : " in " + c.geographies().size() + " custom areas")
        + " written to " + out + " (" + String.join(", ", written) + ", validation-report.json); "
        + errors + " conversion errors; validation: " + (report.valid() ? "valid" : "INVALID") + ", "
        + report.summary().errors() + " errors, " + report.summary().warnings() + " warnings"
        + (unpublishable.isEmpty() ? "" : "; not publishable: " + unpublishable.size() + " metadata problem(s) "
        + "(see the report; add them to the mapping's \"feed\" or to datapackage.json)"));
    err.flush();
    if (!report.systemErrors().isEmpty()) {
      return ExitCode.INTERNAL;
    }
    return errors > 0 || !report.valid() || !unpublishable.isEmpty() ? ExitCode.INVALID : ExitCode.OK;
  }
}
