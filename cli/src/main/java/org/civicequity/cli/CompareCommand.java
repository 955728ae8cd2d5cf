package org.civicequity.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.civicequity.core.Catalogue;
import org.civicequity.core.Observation;
import org.civicequity.federate.CompareOptions;
import org.civicequity.federate.Comparer;
import org.civicequity.federate.ComparisonResult;
import org.civicequity.federate.ComparisonWriter;
import org.civicequity.federate.Federation;
import org.civicequity.federate.FederationException;
import org.civicequity.federate.FederationReader;
import org.civicequity.federate.FederationStore;
import org.civicequity.federate.HarvestOptions;
import org.civicequity.federate.Harvester;
import org.civicequity.federate.MemberResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code civic-equity compare <federation.json | feed ...> --out <dir>}: harvests the members of
 * a federation (or the feeds given) into a DuckDB store, compares comparable indicators across
 * jurisdictions, and writes {@code comparison.csv}, {@code summary.csv} (and the not-compared and
 * member tables), their JSON twins and the comparison page {@code index.html}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    versionProvider = CivicEquity.Version.class,
    description = {
        "Harvest the members of a federation (federation.json) or the feeds given (directories, "
            + "datapackage.json, .zip, or http(s) URLs of them), and compare their indicators "
            + "across jurisdictions: values by group against a reference group, rate ratio and "
            + "difference, the Census difference test from the margins of error, Index of "
            + "Disparity, Between-Group Variance, Theil index, Mean Log Deviation and rank.",
        "",
        "Only comparable observations are compared (same core-catalogue indicator via "
            + "equivalentTo, unit, period and geography level); not-compared.csv says why the "
            + "others were not. A member that cannot be fetched, fails its sha256 or is invalid "
            + "is skipped with its reason (members.csv). The harvested data stays in a DuckDB "
            + "file you can query with SQL."},
    footer = {"", "Examples:",
        "  civic-equity compare federation.json --out comparison",
        "  civic-equity compare feeds/baltimore feeds/acs-counties --indicator poverty-rate --out out",
        "  civic-equity compare federation.json --reference white-alone-nh --format csv --parquet --out out"},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:every member was harvested and the comparison written",
        "1:some members were skipped (see members.csv); the comparison of the others was written",
        "2:the command was misused (bad option or argument)",
        "3:the registry could not be read, no member could be harvested, or an output could not "
            + "be written",
        "4:internal error"})
public final class CompareCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "<federation.json | feed>",
      description = "a federation registry, or one or more feeds (directory, datapackage.json, "
          + ".zip, or an http(s) URL of one)")
  private List<String> inputs;

  @Option(names = "--out", required = true, paramLabel = "<dir>",
      description = "the directory to write the results into (created when absent)")
  private Path out;

  @Option(names = "--indicator", paramLabel = "<id>", split = ",",
      description = "compare only these core-catalogue indicators (repeat or comma-separate); "
          + "default: the registry's list, else every shared indicator")
  private List<String> indicators = new ArrayList<>();

  @Option(names = "--reference", paramLabel = "<code>",
      description = "the reference group (e.g. white-alone-nh); default: each jurisdiction's best "
          + "group given the indicator's polarity")
  private String reference;

  @Option(names = "--by", paramLabel = "<dimension>", defaultValue = CompareOptions.DEFAULT_DIMENSION,
      description = "the dimension whose codes are the groups: raceEthnicity (default), sex, age, "
          + "income, disability or nativity")
  private String dimension;

  @Option(names = "--format", paramLabel = "<formats>", defaultValue = "csv,json,html",
      description = "csv, json, html, or a comma-separated list (default: all three)")
  private String format;

  @Option(names = "--parquet", description = "also export every table of the store to "
      + "<out>/parquet/<table>.parquet")
  private boolean parquet;

  @Option(names = "--store", paramLabel = "<file>",
      description = "the DuckDB file to harvest into (default <out>/federation.duckdb; replaced)")
  private Path store;

  @Option(names = "--accept-invalid", description = "load members whose validation found errors "
      + "instead of skipping them")
  private boolean acceptInvalid;

  @Option(names = "--connect-timeout", paramLabel = "<seconds>", defaultValue = "10",
      description = "http(s): seconds to wait for a connection (default 10)")
  private int connectTimeout;

  @Option(names = "--read-timeout", paramLabel = "<seconds>", defaultValue = "30",
      description = "http(s): seconds to wait for a response, or between two pieces of it "
          + "(default 30)")
  private int readTimeout;

  @Option(names = "--max-mb", paramLabel = "<megabytes>", defaultValue = "1024",
      description = "http(s): the most megabytes downloaded per member (default 1024)")
  private long maxMegabytes;

  /** Instances are made by picocli. */
  CompareCommand() {
  }

  /**
   * Harvests, compares and writes the results.
   *
   * @return 0 when every member was harvested, 1 when some were skipped
   * @throws CommandFailure (exit 3) if the registry cannot be read, nothing could be harvested,
   *                        or an output cannot be written
   */
  @Override
  public Integer call() {
    Set<ComparisonWriter.Format> formats;
    CompareOptions options;
    HarvestOptions harvestOptions;
    try {
      formats = ComparisonWriter.Format.parse(format);
      harvestOptions = HarvestOptions.defaults()
          .withTimeouts(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(readTimeout),
              HarvestOptions.defaults().memberTimeout())
          .withMaxBytes(Math.multiplyExact(maxMegabytes, 1L << 20))
          .withAcceptInvalid(acceptInvalid);
      options = new CompareOptions(Set.of(), reference, dimension);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Federation federation = federation();
    Set<String> selected = new LinkedHashSet<>(indicators.isEmpty() ? federation.indicators() : indicators);
    options = options.withIndicators(selected);
    PrintWriter err = spec.commandLine().getErr();
    Path storeFile = store != null ? store : out.resolve("federation.duckdb");
    try {
      Files.createDirectories(out);
      Path parent = storeFile.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (Files.exists(storeFile) && !isDuckDb(storeFile)) {
        throw new CommandFailure(ExitCode.UNREADABLE, storeFile
            + " exists and is not a DuckDB file; not replacing it (choose another --store)");
      }
      Files.deleteIfExists(storeFile);
      Files.deleteIfExists(storeFile.resolveSibling(storeFile.getFileName() + ".wal"));
    } catch (IOException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, "cannot prepare " + out + ": " + e.getMessage(), e);
    }
    List<MemberResult> results;
    ComparisonResult comparison;
    try (FederationStore db = FederationStore.open(storeFile);
        Harvester harvester = new Harvester(harvestOptions)) {
      results = harvester.harvest(federation, db, (member, event, message) -> {
        if (event.equals("skip")) {
          err.println("compare: " + member + ": SKIPPED: " + message);
          err.flush();
        }
      });
      comparison = Comparer.compare(db, Catalogue.core().indicators(), options);
      ComparisonWriter.write(db, out, formats, federation.name(), subtitle(federation, results),
          options.dimension());
      if (parquet) {
        db.exportParquet(out.resolve("parquet"));
      }
    } catch (FederationException e) {
      throw new CommandFailure(ExitCode.UNREADABLE, e.getMessage(), e);
    }
    long harvested = results.stream().filter(MemberResult::harvested).count();
    long skipped = results.size() - harvested;
    err.println(String.format(Locale.ROOT, "compare: %d of %d members harvested, %d skipped; "
            + "%d jurisdictions, %d comparison rows, %d summary rows, %d observations not compared;"
            + " results in %s, store %s",
        harvested, results.size(), skipped, comparison.jurisdictions(), comparison.comparisonRows(),
        comparison.summaryRows(), comparison.notComparedRows(), out, storeFile));
    err.flush();
    if (harvested == 0) {
      throw new CommandFailure(ExitCode.UNREADABLE, "no member could be harvested (see "
          + out.resolve("members.csv") + " and the lines above)");
    }
    return skipped > 0 ? ExitCode.INVALID : ExitCode.OK;
  }

  private Federation federation() {
    if (!Observation.DIMENSIONS.contains(dimension)) {
      throw new ParameterException(spec.commandLine(), "--by: unknown dimension '" + dimension
          + "', expected one of " + String.join(", ", Observation.DIMENSIONS));
    }
    if (inputs.size() == 1 && isRegistry(inputs.get(0))) {
      try {
        return FederationReader.read(Path.of(inputs.get(0)));
      } catch (FederationException e) {
        throw new CommandFailure(ExitCode.UNREADABLE, e.getMessage(), e);
      }
    }
    for (String in : inputs) {
      if (isRegistry(in)) {
        throw new ParameterException(spec.commandLine(), in
            + ": a federation registry must be the only input");
      }
    }
    return FederationReader.ofFeeds(inputs);
  }

  /** DuckDB files carry the magic bytes "DUCK" at offset 8. */
  private static boolean isDuckDb(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try (java.io.InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(12);
      return head.length == 12 && new String(head, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)
          .equals("DUCK");
    }
  }

  /** A local .json file that is not a feed's manifest is a federation registry. */
  private static boolean isRegistry(String input) {
    String lower = input.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://") || !lower.endsWith(".json")) {
      return false;
    }
    Path p = Path.of(input);
    return !p.getFileName().toString().equalsIgnoreCase("datapackage.json");
  }

  private static String subtitle(Federation federation, List<MemberResult> results) {
    long harvested = results.stream().filter(MemberResult::harvested).count();
    StringBuilder sb = new StringBuilder();
    if (federation.description() != null) {
      sb.append(federation.description()).append(' ');
    }
    sb.append(harvested).append(" of ").append(results.size()).append(" member feeds harvested.");
    return sb.toString();
  }
}
