package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.Feed;
import org.civicequity.core.io.FeedException;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.ResourceEntry;
import org.civicequity.validate.UnreadableInputException;
import org.civicequity.validate.internal.FindingCollector;
import org.civicequity.validate.internal.rules.BuiltInRules;
import tools.jackson.databind.JsonNode;

/**
 * Opens a feed through the SDK's {@link Feed}: a directory, its {@code datapackage.json}, or a
 * {@code .zip} of one, read in place (no extraction). {@link Feed} holds the bounds in one place:
 * safe resource paths ({@link Feed#pathProblem(String)}), no symbolic link out of the folder, and
 * for zip files no unsafe entry names (zip slip), too many entries, too many bytes or too high a
 * compression ratio (zip bomb). A feed it refuses to open becomes an
 * {@link UnreadableInputException} of one line naming the input and the reason.
 *
 * <p>Reads the manifest, indicators and custom geographies from the feed, checks them against
 * their schemas, inspects every resource the manifest lists (path safety, presence, size,
 * SHA-256), and returns the observation files to stream: each source opens its file through the
 * feed ({@link Feed#open(String)}), so a directory's file is streamed from disk and never read
 * whole into memory. The returned {@link Inputs.Opened} holds the feed open until validation
 * ends.
 */
final class FeedInput {
  static final String MANIFEST = Feed.MANIFEST;
  static final String INDICATORS = Feed.INDICATORS;
  static final String GEOGRAPHIES = Feed.GEOGRAPHIES;

  private FeedInput() {
  }

  static Inputs.Opened open(Path input, FindingCollector findings) throws IOException {
    Feed feed;
    try {
      feed = Feed.open(input);
    } catch (FeedException e) {
      throw unreadable(input, e);
    } catch (IOException e) {
      throw new UnreadableInputException(input + ": cannot open the feed: " + oneLine(e), e);
    }
    try {
      return read(input, feed, findings);
    } catch (IOException | RuntimeException e) {
      try {
        feed.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof FeedException fe) {
        // a bound broken while reading (an entry inflating beyond its size), or the manifest
        // itself behind a link out of the folder: the feed cannot be read as a whole
        throw unreadable(input, fe);
      }
      throw e;
    }
  }

  /** One line naming the input and why the feed refused it. */
  private static UnreadableInputException unreadable(Path input, FeedException e) {
    String msg = oneLine(e);
    String file = e.file();
    String shortName = input.getFileName() == null ? "" : input.getFileName().toString();
    if (file.equals(input.toString()) || file.equals(shortName)) {
      msg = detail(e); // the input is named once, in full
    }
    return new UnreadableInputException(input + ": " + msg, e);
  }

  /** The reason of a refusal without the file name that starts its message. */
  static String detail(FeedException e) {
    String msg = oneLine(e);
    String prefix = e.file() + ": ";
    return msg.startsWith(prefix) ? msg.substring(prefix.length()) : msg;
  }

  private static String oneLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  private static Inputs.Opened read(Path input, Feed feed, FindingCollector findings)
      throws IOException {
    FeedContext.Builder ctx = FeedContext.builder().input(input.toString()).hasManifest(true)
        .codelists(StandardCodelists.all());
    Map<String, String> notRun = new LinkedHashMap<>();
    List<ResourceEntry> resources = new ArrayList<>();
    boolean hasManifest = feed.exists(MANIFEST);
    JsonNode manifest = null;
    if (!hasManifest) {
      findings.reportVariant(BuiltInRules.info("RESOURCE_MISSING"), "required", SourceLocation.ofFile(MANIFEST),
          MANIFEST, MANIFEST);
    } else {
      manifest = readJson(feed, MANIFEST, MANIFEST, findings);
    }
    Set<String> unsafePointers = new LinkedHashSet<>();
    Set<String> declaredExtensions = null;
    String jLevel = null;
    String jId = null;
    if (manifest != null) {
      JsonNode res = manifest.path("resources");
      for (int i = 0; i < res.size(); i++) {
        JsonNode r = res.get(i);
        JsonNode p = r.get("path");
        if (p == null || !p.isString()) {
          continue;
        }
        String pointer = "/resources/" + i + "/path";
        ResourceEntry e = inspect(feed, p.asString(), r, new SourceLocation(MANIFEST, 0, 0,
            "path", pointer));
        if (e.unsafeReason() != null) {
          unsafePointers.add(pointer);
        }
        resources.add(e);
        // other encodings of the same data (publish lists observations.ndjson here): present, safe,
        // of the declared size and hash like any resource, but never read as a second copy of the rows
        JsonNode alts = r.get("x-alternatives");
        if (alts != null && alts.isArray()) {
          for (int j = 0; j < alts.size(); j++) {
            JsonNode a = alts.get(j);
            if (a != null && a.path("path").isString()) {
              resources.add(inspect(feed, a.get("path").asString(), a, new SourceLocation(MANIFEST, 0, 0,
                  "path", "/resources/" + i + "/x-alternatives/" + j + "/path")));
            }
          }
        }
      }
      for (SchemaCheck.Violation v : SchemaCheck.validate("datapackage.schema.json", manifest)) {
        if (unsafePointers.contains(v.pointer())) {
          continue; // reported as RESOURCE_PATH_UNSAFE
        }
        report(findings, MANIFEST, manifest, v);
      }
      JsonNode ce = manifest.path("civicEquity");
      ctx.standardVersion(textOrNull(ce.get("standardVersion")));
      JsonNode j = ce.path("publisher").path("jurisdiction");
      jLevel = textOrNull(j.get("geoLevel"));
      jId = textOrNull(j.get("geoId"));
      ctx.jurisdiction(jLevel, jId);
      JsonNode min = ce.path("suppressionPolicy").get("minimumCellSize");
      if (min != null && min.isNumber()) {
        ctx.suppressionMinimum(min.asDouble());
      }
      Set<String> ext = new LinkedHashSet<>();
      for (JsonNode x : ce.path("extensions")) {
        if (x.isString()) {
          ext.add(x.asString());
        }
      }
      ctx.extensions(ext);
      declaredExtensions = ext;
    }

    // indicators.json
    String indicatorsFile = chosen(feed, resources, INDICATORS);
    List<Indicator> indicators = List.of();
    if (indicatorsFile == null) {
      if (!listed(resources, INDICATORS)) {
        findings.reportVariant(BuiltInRules.info("RESOURCE_MISSING"), "required",
            SourceLocation.ofFile(INDICATORS), INDICATORS, INDICATORS);
      }
    } else {
      JsonNode doc = readJson(feed, indicatorsFile, INDICATORS, findings);
      if (doc != null) {
        for (SchemaCheck.Violation v : SchemaCheck.validate("indicators.schema.json", doc)) {
          report(findings, INDICATORS, doc, v);
        }
        indicators = IndicatorJson.read(doc, INDICATORS);
      }
    }
    ctx.indicators(indicators);

    // geographies.csv
    String geoFile = chosen(feed, resources, GEOGRAPHIES);
    List<Geography> geographies = List.of();
    if (geoFile != null) {
      geographies = GeographiesCsv.read(feed.open(geoFile), GEOGRAPHIES, findings,
          declaredExtensions, jLevel, jId);
    }
    ctx.geographies(geographies);

    // data.json: the DCAT-US catalog publish writes beside the manifest
    if (existsInside(feed, DcatCheck.FILE, resources)) {
      JsonNode dcat = readJson(feed, DcatCheck.FILE, DcatCheck.FILE, findings);
      if (dcat != null) {
        for (SchemaCheck.Violation v : DcatCheck.check(dcat)) {
          report(findings, DcatCheck.FILE, dcat, v);
        }
      }
    }

    // observations: each source opens its file through the feed when it is read
    List<ObservationSource> sources = new ArrayList<>();
    for (ResourceEntry r : resources) {
      if (r.unsafeReason() == null && r.present() && readsRows(r)) {
        String path = r.path();
        sources.add(Sources.of(path, ObservationFormat.fromFileName(path).orElseThrow(),
            () -> feed.open(path)));
      }
    }
    if (sources.isEmpty() && resources.stream().noneMatch(FeedInput::readsRows)) {
      for (String n : Feed.OBSERVATION_FILES) {
        if (existsInside(feed, n, resources)) {
          sources.add(Sources.of(n, ObservationFormat.fromFileName(n).orElseThrow(),
              () -> feed.open(n)));
          break;
        }
      }
      if (sources.isEmpty() && resources.stream().noneMatch(FeedInput::readsRows)) {
        findings.reportVariant(BuiltInRules.info("RESOURCE_MISSING"), "required",
            SourceLocation.ofFile("observations.csv"), "observations.csv",
            "observations.csv (or observations.ndjson)");
      }
    }
    ctx.resources(resources);
    if (manifest == null) {
      // Without a readable manifest these rules would say "the manifest names no jurisdiction"
      // or "declares no suppression policy", which sends the publisher looking in the wrong place.
      String why = hasManifest
          ? MANIFEST + " could not be read (see its syntax finding), so the jurisdiction and "
              + "the suppression policy are unknown"
          : MANIFEST + " is missing, so the jurisdiction and the suppression policy are unknown";
      for (String code : List.of("GEO_OUTSIDE_JURISDICTION", "SMALL_CELL_NOT_SUPPRESSED",
          "SUPPRESSION_RECOVERABLE")) {
        notRun.put(code, why);
      }
    }
    if (sources.isEmpty()) {
      for (String code : List.of("DUPLICATE_OBSERVATION", "GROUP_SUM_EXCEEDS_TOTAL",
          "SUPPRESSION_RECOVERABLE", "NO_RACE_ETHNICITY_BREAKDOWN", "UNUSED_INDICATOR", "NO_OBSERVATIONS")) {
        notRun.put(code, "no observations file could be read");
      }
    }
    return new Inputs.Opened(ctx.build(), sources, notRun, feed);
  }

  /** Reads a small JSON file of the feed (manifest, indicators) into a tree, or null. */
  private static JsonNode readJson(Feed feed, String path, String name, FindingCollector findings)
      throws IOException {
    long size = feed.size(path);
    try (InputStream in = feed.open(path)) {
      return JsonDocuments.read(size, in, name, findings);
    }
  }

  static boolean isObservations(String path) {
    String n = path.toLowerCase(Locale.ROOT);
    int slash = n.lastIndexOf('/');
    String file = n.substring(slash + 1);
    return file.startsWith("observations") && ObservationFormat.fromFileName(file).isPresent();
  }

  /**
   * Whether an entry's rows are read: an observations file that is not one of a resource's
   * {@code x-alternatives} (those are checked, not read).
   */
  private static boolean readsRows(ResourceEntry r) {
    return isObservations(r.path()) && !isAlternative(r);
  }

  /** Whether an entry is one of a resource's {@code x-alternatives} (checked, not read). */
  private static boolean isAlternative(ResourceEntry r) {
    String p = r.location().pointer();
    return p != null && p.contains("/x-alternatives/");
  }

  /** Reports a schema violation of a JSON document of the feed, at its member. */
  private static void report(FindingCollector findings, String file, JsonNode doc, SchemaCheck.Violation v) {
    SchemaCheck.report(findings, v, new SourceLocation(file, 0, 0, v.field(), v.pointer()),
        text(doc.at(v.pointer())));
  }

  private static boolean listed(List<ResourceEntry> resources, String fileName) {
    for (ResourceEntry r : resources) {
      if (isAlternative(r)) {
        continue;
      }
      if (r.path().equals(fileName) || r.path().endsWith("/" + fileName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The file of a well-known name: the manifest's entry when listed and safe, else the default
   * when the feed has it.
   */
  private static String chosen(Feed feed, List<ResourceEntry> resources, String fileName)
      throws IOException {
    for (ResourceEntry r : resources) {
      if (isAlternative(r)) {
        continue;
      }
      if (r.path().equals(fileName) || r.path().endsWith("/" + fileName)) {
        return r.unsafeReason() == null && r.present() ? r.path() : null;
      }
    }
    return existsInside(feed, fileName, resources) ? fileName : null;
  }

  /**
   * Whether a file the manifest does not list is in the feed. One behind a symbolic link out of
   * the folder is not read: it joins the resources as unsafe, so RESOURCE_PATH_UNSAFE names it.
   */
  private static boolean existsInside(Feed feed, String fileName, List<ResourceEntry> resources)
      throws IOException {
    try {
      return feed.exists(fileName);
    } catch (FeedException e) {
      if (e.reason() != FeedException.Reason.SYMLINK_ESCAPE) {
        throw e;
      }
      resources.add(new ResourceEntry(fileName, SourceLocation.ofFile(fileName), null, null,
          detail(e), false, -1, null));
      return false;
    }
  }

  /**
   * Checks one resource: path safety first ({@link Feed#pathProblem(String)}, then no link out
   * of the feed), then presence, size and hash, all through the feed.
   */
  static ResourceEntry inspect(Feed feed, String path, JsonNode r, SourceLocation at)
      throws IOException {
    Long bytes = r.path("bytes").isIntegralNumber() ? r.path("bytes").asLong() : null;
    String hash = r.path("hash").isString() ? r.path("hash").asString() : null;
    Optional<String> unsafe = Feed.pathProblem(path);
    if (unsafe.isPresent()) {
      return new ResourceEntry(path, at, bytes, hash, unsafe.get(), false, -1, null);
    }
    try {
      if (!feed.exists(path)) {
        return new ResourceEntry(path, at, bytes, hash, null, false, -1, null);
      }
      long size = feed.size(path);
      String sha = hash == null ? null : feed.sha256(path);
      return new ResourceEntry(path, at, bytes, hash, null, true, size, sha);
    } catch (FeedException e) {
      if (e.reason() == FeedException.Reason.UNSAFE_PATH
          || e.reason() == FeedException.Reason.SYMLINK_ESCAPE) {
        return new ResourceEntry(path, at, bytes, hash, detail(e), false, -1, null);
      }
      throw e;
    }
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n.isString() ? n.asString()
        : n.toString();
  }

  /** A value as shown in a finding: strings as they are, other JSON as JSON text. */
  static String text(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return null;
    }
    if (n.isString()) {
      return n.asString();
    }
    String s = n.toString();
    return s.length() > 200 ? s.substring(0, 199) + "…" : s;
  }
}
