package org.civicequity.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.civicequity.core.Codelists;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.Manifest;
import org.civicequity.core.Observation;
import org.civicequity.core.SuppressionPolicy;
import org.civicequity.core.io.Feed;
import org.civicequity.core.io.ManifestWriter;
import org.civicequity.core.io.ReadResult;
import org.civicequity.publish.internal.AtomicSwap;
import org.civicequity.publish.internal.Changes;
import org.civicequity.publish.internal.Dashboard;
import org.civicequity.publish.internal.DataPackage;
import org.civicequity.publish.internal.Dcat;
import org.civicequity.publish.internal.FeedFiles;
import org.civicequity.publish.internal.ObservationOrder;
import org.civicequity.publish.internal.PublishFaults;
import org.civicequity.publish.internal.ReadAhead;
import org.civicequity.publish.internal.Suppression;
import org.civicequity.publish.internal.TaskFailure;
import org.civicequity.publish.internal.Versioning;
import org.civicequity.publish.internal.WrittenFile;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.ObservationFiles;
import org.civicequity.validate.UnreadableInputException;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;

/**
 * Publishes a source folder (a feed that is being edited: {@code datapackage.json} with the
 * publisher's metadata, {@code indicators.json}, {@code observations.csv} or {@code .ndjson},
 * and {@code geographies.csv} when custom areas are used) as a feed:
 *
 * <ol>
 *   <li>read and validate the sources, refusing to publish on errors (with the report);</li>
 *   <li>apply the feed's suppression policy (small cells, then complementary suppression);</li>
 *   <li>write the feed into a temporary directory beside the target: observations in canonical
 *       order as CSV and NDJSON, indicators, geographies, {@code CHANGES.json} against a previous
 *       version, {@code datapackage.json} with sizes, SHA-256 hashes and the Table Schema,
 *       {@code data.json} (DCAT-US 1.1) and the {@code index.html} dashboard;</li>
 *   <li>check the manifest against its schema (and, with {@code verify}, validate the written feed
 *       as a whole, checksums included);</li>
 *   <li>move it into place atomically (see {@code AtomicSwap}).</li>
 * </ol>
 *
 * <p>The feed's {@code version} is the source's, else the issue date. With a previous version it
 * follows from the previous feed's version by the kind of change (semver for data, see
 * {@link VersionChange}): major when observations or indicators were removed or a definition
 * changed in a way that breaks comparability (unit, numerator, denominator, universe, polarity),
 * minor when indicators or observations were added or a definition changed otherwise, patch when
 * only values were revised or nothing changed. A version the source states is kept when it is
 * higher than the previous (SemVer precedence); publishing is refused when it is not, or when it
 * is not a semantic version.
 *
 * <p>A failure at any step leaves the previous feed as it was. The same sources and the same
 * issue date give a byte-identical feed.
 */
public final class FeedPublisher {
  private FeedPublisher() {
  }

  /**
   * Publishes a source folder.
   *
   * @param source  the source folder
   * @param target  the feed directory to create or replace
   * @param options the options
   * @return what was published
   * @throws PublishException if the sources are invalid or incomplete; nothing was changed
   * @throws IOException      if reading or writing fails; the previous feed is unchanged
   */
  public static PublishResult publish(Path source, Path target, PublishOptions options)
      throws PublishException, IOException {
    return publish(source, target, options, PublishFaults.NONE);
  }

  static PublishResult publish(Path source, Path target, PublishOptions options, PublishFaults faults)
      throws PublishException, IOException {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(options, "options");
    if (!Files.isDirectory(source)) {
      throw new PublishException("cannot publish " + source, List.of(source + " is not a directory"));
    }
    Path absSource = source.toAbsolutePath().normalize();
    Path absTarget = target.toAbsolutePath().normalize();
    if (absTarget.startsWith(absSource) || absSource.startsWith(absTarget)) {
      throw new PublishException("cannot publish " + source, List.of("the feed directory " + target
          + " must not be the source folder or lie inside it (or the other way round)"));
    }
    Sources src = read(source);
    return publish(src, source.toString(), absTarget, options, faults);
  }

  /**
   * Publishes a conversion directly, without a source folder in between (the mapping's
   * {@code feed} metadata is the manifest's template). Validation findings point at the
   * converted tables.
   *
   * @param conversion the conversion
   * @param target     the feed directory to create or replace
   * @param options    the options
   * @return what was published
   * @throws PublishException if the conversion had errors or the result is invalid or incomplete
   * @throws IOException      if writing fails; the previous feed is unchanged
   */
  public static PublishResult publish(Conversion conversion, Path target, PublishOptions options)
      throws PublishException, IOException {
    Objects.requireNonNull(conversion, "conversion");
    if (conversion.hasErrors()) {
      List<String> lines = new ArrayList<>();
      conversion.problems().stream().filter(p -> p.severity() == ConversionProblem.Severity.ERROR).limit(20)
          .forEach(p -> lines.add(p.toString()));
      throw new PublishException("the conversion met errors; nothing was published", lines);
    }
    Sources src = new Sources(SourceFolder.manifestTemplate(conversion), conversion.indicators(),
        conversion.geographies(), conversion.observations());
    return publish(src, conversion.input(), target.toAbsolutePath().normalize(), options, PublishFaults.NONE);
  }

  private static PublishResult publish(Sources src, String input, Path absTarget, PublishOptions options,
      PublishFaults faults) throws PublishException, IOException {
    Codelists codelists = Codelists.standard();
    Manifest template = src.manifest;
    SuppressionPolicy policy = template != null && template.civicEquity() != null
        ? template.civicEquity().suppressionPolicy() : null;
    if (template == null) {
      throw new PublishException("the source folder has no datapackage.json; nothing was published",
          List.of("write a datapackage.json with name, title, licenses and civicEquity.publisher (name, email, "
              + "jurisdiction) — `civic-equity convert` and `civic-equity init` create one"));
    }
    List<String> missing = Dcat.missing(template);
    if (!missing.isEmpty()) {
      throw new PublishException("the feed's metadata is incomplete; nothing was published", missing);
    }

    Map<String, Long> phases = new LinkedHashMap<>();
    long clock = System.nanoTime();
    // 1. canonical order (a group's rows side by side), then the suppression policy (small cells,
    //    then complementary cells)
    // what does not depend on the order is read before sorting, while rows are still in the order
    // they were made (and laid out in memory): the extension columns and the years covered
    List<String> extra = new ArrayList<>();
    int[] years = scan(src.observations, extra);
    Observation[] array = src.observations.toArray(new Observation[0]);
    java.util.Arrays.parallelSort(array, ObservationOrder.ORDER);
    List<Observation> rows = java.util.Arrays.asList(array);
    clock = lap(phases, "sort", clock);
    int small = 0;
    int comp = 0;
    if (policy != null && policy.minimumCellSize() != null) {
      Map<String, String> units = new HashMap<>();
      src.indicators.forEach(i -> units.put(i.id(), i.unit()));
      Suppression.Result r = new Suppression(policy.minimumCellSize(), policy.complementary(), units,
          codelists.get("race-ethnicity")).apply(rows);
      rows = r.observations();
      small = r.smallCells();
      comp = r.complementary();
    }
    clock = lap(phases, "suppression", clock);
    String issued = options.issued().toString();
    String created = issued + "T00:00:00Z";
    String version = template.version() != null ? template.version() : issued;
    // with a previous version: what changed, and the version that follows from it (semver for data)
    Changes.Diff diff = null;
    Versioning.Decision decision = null;
    String previousCreated = null;
    if (options.previous() != null) {
      Sources old = read(options.previous());
      String previousVersion = old.manifest == null ? null : old.manifest.version();
      previousCreated = old.manifest == null ? null : old.manifest.created();
      diff = Changes.diff(old.observations, rows, old.indicators, src.indicators);
      try {
        decision = Versioning.decide(previousVersion, template.version(), Changes.bump(diff));
      } catch (Versioning.Refused e) {
        throw new PublishException(e.getMessage(), List.of());
      }
      version = decision.version();
      clock = lap(phases, "changes", clock);
    }
    FeedContext ctx = context(input, src, codelists, policy);
    // validation, the dashboard and the NDJSON copy run beside the CSV, which the calling thread writes
    ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
      Thread t = new Thread(r, "civic-equity-publish");
      t.setDaemon(true);
      return t;
    });
    try {
      // 2. validate the rows as they will be published (locations still point at the sources), while
      //    the feed is written into a temporary directory: nothing is moved into place unless it passes
      final List<Observation> sorted = rows;
      Future<ValidationReport> validation = pool.submit(
          () -> Validator.create(options.validatorOptions()).validate(new ReadAhead(sorted), ctx));
      String generator = "civic-equity " + version();
      String defaultName = org.civicequity.publish.internal.CustomAreas.slug(absTarget.getFileName().toString());
      Manifest preview = DataPackage.preview(template, defaultName, src.indicators.size(), sorted.size());
      Future<String> html = pool.submit(() -> new Dashboard(preview, src.indicators,
          codelists.get("race-ethnicity"), issued, generator).render(sorted));
      try (AtomicSwap swap = new AtomicSwap(absTarget)) {
        Path dir = swap.temp();
        FeedFiles files = new FeedFiles(dir, faults);
        Map<String, WrittenFile> written = new LinkedHashMap<>();
        // the two copies of the observations are written on two threads, hashing and counting the
        // bytes as they go out, while validation and the dashboard read the rows on the pool's others
        for (WrittenFile f : files.observations("observations.csv", "observations.ndjson", sorted, extra, pool)) {
          put(written, f);
        }
        clock = lap(phases, "observations", clock);
        put(written, files.indicators(src.indicators));
        if (!src.geographies.isEmpty()) {
          put(written, files.geographies(src.geographies));
        }
        if (diff != null) {
          put(written, files.json("CHANGES.json", Changes.document(decision, previousCreated, created, diff)));
        }
        Manifest manifest = DataPackage.build(template, defaultName, created, version, written, extra,
            src.indicators);
        put(written, files.json("datapackage.json", ManifestWriter.toJson(manifest)));
        put(written, files.json("data.json", Dcat.build(manifest, src.indicators, years[0] == Integer.MAX_VALUE
            ? null : years[0], years[1] == Integer.MIN_VALUE ? null : years[1], issued,
            options.baseUrl() != null ? options.baseUrl() : baseOf(template.homepage()))));
        put(written, files.text("index.html", join(html)));
        clock = lap(phases, "metadata and index.html", clock);
        ValidationReport first = join(validation);
        clock = lap(phases, "validation (waited)", clock);
        if (!first.valid()) {
          throw new PublishException("the sources have " + first.summary().errors()
              + " error(s); nothing was published", first);
        }
        List<org.civicequity.core.SchemaViolation> manifestProblems =
            org.civicequity.core.StandardSchemas.validate("datapackage.schema.json", ManifestWriter.toJson(manifest));
        if (!manifestProblems.isEmpty()) {
          List<String> lines = new ArrayList<>();
          manifestProblems.forEach(v -> lines.add("datapackage.json (" + (v.pointer().isEmpty() ? "/" : v.pointer())
              + "): " + v.message() + " [" + v.code() + "]"));
          throw new PublishException("the manifest as written is not valid; nothing was published", lines);
        }
        ValidationReport after = first;
        if (options.verify()) {
          try {
            after = Validator.create(options.validatorOptions()).validate(dir);
          } catch (UnreadableInputException e) {
            throw new IOException("the feed just written cannot be read back: " + e.getMessage(), e);
          }
          if (!after.valid()) {
            throw new PublishException("the feed as written is not valid (" + after.summary().errors()
                + " error(s)); nothing was published", after);
          }
        }
        clock = lap(phases, options.verify() ? "verify" : "checks", clock);
        swap.commit(faults);
        lap(phases, "move", clock);
        return new PublishResult(absTarget, after, sorted.size(), src.indicators.size(), small, comp,
            new ArrayList<>(written.keySet()), phases, decision == null ? null
            : new VersionChange(decision.previousVersion(), decision.version(), decision.bump(), decision.reason()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Waits for a task, rethrowing its failure as it was. */
  private static <T> T join(Future<T> f) throws IOException, PublishException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("publishing was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PublishException pe) {
        throw pe;
      }
      throw TaskFailure.unwrap(e);
    }
  }

  private static void put(Map<String, WrittenFile> m, WrittenFile f) {
    m.put(f.path(), f);
  }

  private static long lap(Map<String, Long> phases, String name, long since) {
    long now = System.nanoTime();
    phases.merge(name, (now - since) / 1_000_000, Long::sum);
    return now;
  }

  private static String baseOf(String homepage) {
    if (homepage == null || !homepage.matches("https?://[^\\s]+")) {
      return null;
    }
    return homepage.endsWith("/") ? homepage : homepage + "/";
  }

  private static String version() {
    String v = FeedPublisher.class.getPackage() == null ? null : FeedPublisher.class.getPackage().getImplementationVersion();
    return v == null ? "1.0.0-SNAPSHOT" : v;
  }

  /**
   * One pass over the rows: the first and last years their periods cover, and the {@code x-}
   * columns in use (sorted, as {@link FeedFiles#extraColumns(List)} gives them).
   */
  private static int[] scan(List<Observation> rows, List<String> extra) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    String last = null;
    // each period is parsed once (rows of a place alternate between periods)
    java.util.Set<String> periods = new java.util.HashSet<>();
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (Observation o : rows) {
      if (!o.extra().isEmpty()) {
        for (String k : o.extra().keySet()) {
          if (k.startsWith("x-")) {
            names.add(k);
          }
        }
      }
      if (o.period() == null || o.period() == last || o.period().length() < 4 || !periods.add(o.period())) {
        continue;
      }
      last = o.period();
      try {
        min = Math.min(min, Integer.parseInt(o.period().substring(0, 4)));
        String end = o.period().contains("/") ? o.period().substring(o.period().indexOf('/') + 1) : o.period();
        max = Math.max(max, Integer.parseInt(end.substring(0, 4)));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        // an invalid period cannot get past validation; ignore it here
      }
    }
    extra.addAll(names);
    return new int[] {min, max};
  }

  private static FeedContext context(String input, Sources src, Codelists codelists, SuppressionPolicy policy) {
    FeedContext.Builder b = FeedContext.builder().input(input).hasManifest(src.manifest != null)
        .indicators(src.indicators).geographies(src.geographies).codelists(codelists.asMap());
    if (src.manifest != null && src.manifest.civicEquity() != null) {
      var ce = src.manifest.civicEquity();
      b.standardVersion(ce.standardVersion());
      if (ce.publisher() != null && ce.publisher().jurisdiction() != null) {
        b.jurisdiction(ce.publisher().jurisdiction().geoLevel(), ce.publisher().jurisdiction().geoId());
      }
      if (ce.extensions() != null) {
        b.extensions(new java.util.HashSet<>(ce.extensions()));
      }
    }
    if (policy != null && policy.minimumCellSize() != null) {
      b.suppressionMinimum(policy.minimumCellSize().doubleValue());
    }
    return b.build();
  }

  /** What a source folder holds. */
  record Sources(Manifest manifest, List<Indicator> indicators, List<Geography> geographies,
      List<Observation> observations) {
  }

  private static Sources read(Path dir) throws PublishException, IOException {
    List<String> problems = new ArrayList<>();
    try (Feed feed = Feed.open(dir)) {
      Manifest manifest = null;
      if (feed.hasManifest()) {
        ReadResult<Manifest> m = feed.manifest();
        m.problems().forEach(p -> problems.add(p.toString()));
        manifest = m.value().orElse(null);
      }
      List<Indicator> indicators = List.of();
      if (!feed.exists(Feed.INDICATORS)) {
        problems.add(dir.resolve(Feed.INDICATORS) + ": missing (the indicator definitions)");
      } else {
        ReadResult<List<Indicator>> ir = feed.indicators();
        ir.problems().forEach(p -> problems.add(p.toString()));
        indicators = ir.value().orElse(List.of());
      }
      List<Geography> geographies = List.of();
      var gr = feed.geographies();
      if (gr.isPresent()) {
        gr.get().problems().forEach(p -> problems.add(p.toString()));
        geographies = gr.get().value().orElse(List.of());
      }
      List<Observation> observations = new ArrayList<>();
      List<String> paths = feed.observationPaths();
      if (paths.isEmpty()) {
        problems.add(dir + ": no observations.csv or observations.ndjson");
      }
      for (String p : paths) {
        if (!feed.exists(p)) {
          problems.add(dir.resolve(p) + ": missing (named in datapackage.json)");
          continue;
        }
        // on the validator's parallel readers: a million rows in a third of the time of a sequential read
        ObservationFiles.Contents contents = ObservationFiles.read(feed, p);
        observations.addAll(contents.observations());
        problems.addAll(contents.problems());
      }
      if (!problems.isEmpty()) {
        throw new PublishException("cannot read the sources in " + dir + "; nothing was published", problems);
      }
      return new Sources(manifest, indicators, geographies, observations);
    }
  }
}
