package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.civicequity.core.Geography;
import org.civicequity.core.Indicator;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ObservationFormat;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.ResourceEntry;
import org.civicequity.validate.UnreadableInputException;
import org.civicequity.validate.internal.FindingCollector;
import org.civicequity.validate.internal.rules.BuiltInRules;
import tools.jackson.databind.JsonNode;

/**
 * Opens a feed: a directory, its {@code datapackage.json}, or a {@code .zip} of one (extracted
 * with bounds into a temporary directory). Reads the manifest, indicators and custom
 * geographies, checks them against their schemas, inspects every resource the manifest lists
 * (path safety, presence, size, SHA-256), and returns the observation files to stream.
 */
final class FeedInput {
  static final String MANIFEST = "datapackage.json";
  static final String INDICATORS = "indicators.json";
  static final String GEOGRAPHIES = "geographies.csv";

  private FeedInput() {
  }

  static Inputs.Opened open(Path input, FindingCollector findings) throws IOException {
    Path root;
    AutoCloseable cleanup = null;
    String name = input.getFileName() == null ? "" : input.getFileName().toString()
        .toLowerCase(Locale.ROOT);
    if (Files.isDirectory(input)) {
      root = input;
    } else if (name.endsWith(".zip")) {
      ZipFeed zip = ZipFeed.extract(input);
      root = zip.root();
      cleanup = zip;
    } else {
      root = input.toAbsolutePath().getParent();
    }
    try {
      return read(input, root, findings, cleanup);
    } catch (IOException | RuntimeException e) {
      if (cleanup != null) {
        try {
          cleanup.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  private static Inputs.Opened read(Path input, Path root, FindingCollector findings,
      AutoCloseable cleanup) throws IOException {
    Path realRoot;
    try {
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new UnreadableInputException(input + ": cannot open the feed folder: " + e.getMessage());
    }
    FeedContext.Builder ctx = FeedContext.builder().input(input.toString()).hasManifest(true)
        .codelists(StandardCodelists.all());
    Map<String, String> notRun = new LinkedHashMap<>();
    List<ResourceEntry> resources = new ArrayList<>();
    Path manifestPath = root.resolve(MANIFEST);
    JsonNode manifest = null;
    if (!Files.isRegularFile(manifestPath)) {
      findings.report(BuiltInRules.info("RESOURCE_MISSING"), SourceLocation.ofFile(MANIFEST),
          MANIFEST, MANIFEST);
    } else {
      manifest = JsonDocuments.read(manifestPath, MANIFEST, findings);
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
        ResourceEntry e = inspect(realRoot, p.asString(), r, new SourceLocation(MANIFEST, 0, 0,
            "path", pointer));
        if (e.unsafeReason() != null) {
          unsafePointers.add(pointer);
        }
        resources.add(e);
      }
      for (SchemaCheck.Violation v : SchemaCheck.validate("datapackage.schema.json", manifest)) {
        if (unsafePointers.contains(v.pointer())) {
          continue; // reported as RESOURCE_PATH_UNSAFE
        }
        findings.report(BuiltInRules.info(v.code()), new SourceLocation(MANIFEST, 0, 0, v.field(),
            v.pointer()), text(manifest.at(v.pointer())), v.message());
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
    ctx.resources(resources);

    // indicators.json
    Path indicatorsFile = chosen(realRoot, resources, INDICATORS);
    List<Indicator> indicators = List.of();
    if (indicatorsFile == null) {
      if (!listed(resources, INDICATORS)) {
        findings.report(BuiltInRules.info("RESOURCE_MISSING"), SourceLocation.ofFile(INDICATORS),
            INDICATORS, INDICATORS);
      }
    } else {
      JsonNode doc = JsonDocuments.read(indicatorsFile, INDICATORS, findings);
      if (doc != null) {
        for (SchemaCheck.Violation v : SchemaCheck.validate("indicators.schema.json", doc)) {
          findings.report(BuiltInRules.info(v.code()), new SourceLocation(INDICATORS, 0, 0,
              v.field(), v.pointer()), text(doc.at(v.pointer())), v.message());
        }
        indicators = IndicatorJson.read(doc, INDICATORS);
      }
    }
    ctx.indicators(indicators);

    // geographies.csv
    Path geoFile = chosen(realRoot, resources, GEOGRAPHIES);
    List<Geography> geographies = List.of();
    if (geoFile != null) {
      geographies = GeographiesCsv.read(geoFile, GEOGRAPHIES, findings, declaredExtensions, jLevel,
          jId);
    }
    ctx.geographies(geographies);

    // observations
    List<ObservationSource> sources = new ArrayList<>();
    for (ResourceEntry r : resources) {
      if (r.unsafeReason() == null && r.present() && isObservations(r.path())) {
        Path f = realRoot.resolve(r.path());
        sources.add(Sources.of(r.path(),
            ObservationFormat.fromFileName(r.path()).orElseThrow(), () -> Files.newInputStream(f)));
      }
    }
    if (sources.isEmpty() && resources.stream().noneMatch(r -> isObservations(r.path()))) {
      for (String n : List.of("observations.csv", "observations.ndjson", "observations.json")) {
        Path f = realRoot.resolve(n);
        if (Files.isRegularFile(f)) {
          sources.add(Sources.of(n, ObservationFormat.fromFileName(n).orElseThrow(),
              () -> Files.newInputStream(f)));
          break;
        }
      }
      if (sources.isEmpty()) {
        findings.report(BuiltInRules.info("RESOURCE_MISSING"),
            SourceLocation.ofFile("observations.csv"), "observations.csv",
            "observations.csv (or observations.ndjson)");
      }
    }
    if (manifest == null) {
      // Without a readable manifest these rules would say "the manifest names no jurisdiction"
      // or "declares no suppression policy", which sends the publisher looking in the wrong place.
      String why = Files.isRegularFile(manifestPath)
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
          "SUPPRESSION_RECOVERABLE", "NO_RACE_ETHNICITY_BREAKDOWN", "UNUSED_INDICATOR")) {
        notRun.put(code, "no observations file could be read");
      }
    }
    return new Inputs.Opened(ctx.build(), sources, notRun, cleanup);
  }

  static boolean isObservations(String path) {
    String n = path.toLowerCase(Locale.ROOT);
    int slash = n.lastIndexOf('/');
    String file = n.substring(slash + 1);
    return file.startsWith("observations") && ObservationFormat.fromFileName(file).isPresent();
  }

  private static boolean listed(List<ResourceEntry> resources, String fileName) {
    for (ResourceEntry r : resources) {
      if (r.path().equals(fileName) || r.path().endsWith("/" + fileName)) {
        return true;
      }
    }
    return false;
  }

  /** The file of a well-known name: the manifest's entry when listed and safe, else the default. */
  private static Path chosen(Path root, List<ResourceEntry> resources, String fileName) {
    for (ResourceEntry r : resources) {
      if (r.path().equals(fileName) || r.path().endsWith("/" + fileName)) {
        return r.unsafeReason() == null && r.present() ? root.resolve(r.path()) : null;
      }
    }
    Path f = root.resolve(fileName);
    return Files.isRegularFile(f) ? f : null;
  }

  /** Checks one resource: path safety first, then presence, size and hash. */
  static ResourceEntry inspect(Path realRoot, String path, JsonNode r, SourceLocation at)
      throws IOException {
    Long bytes = r.path("bytes").isIntegralNumber() ? r.path("bytes").asLong() : null;
    String hash = r.path("hash").isString() ? r.path("hash").asString() : null;
    String unsafe = unsafeReason(path);
    if (unsafe == null) {
      Path f = realRoot.resolve(path).normalize();
      if (!f.startsWith(realRoot)) {
        unsafe = "it leads out of the feed folder";
      } else if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
        Path real = f.toRealPath();
        if (!real.startsWith(realRoot)) {
          unsafe = "it is a link to a file outside the feed folder";
        } else if (!Files.isRegularFile(real)) {
          return new ResourceEntry(path, at, bytes, hash, null, false, -1, null);
        } else {
          long size = Files.size(real);
          String sha = hash == null ? null : sha256(real);
          return new ResourceEntry(path, at, bytes, hash, null, true, size, sha);
        }
      } else {
        return new ResourceEntry(path, at, bytes, hash, null, false, -1, null);
      }
    }
    return new ResourceEntry(path, at, bytes, hash, unsafe, false, -1, null);
  }

  /**
   * Why a manifest path is refused before touching the file system, or null when it looks safe.
   *
   * @param path the path as written
   * @return the reason, or null
   */
  static String unsafeReason(String path) {
    if (path.isEmpty()) {
      return "the path is empty";
    }
    if (path.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
      return path.matches("^[A-Za-z]:.*") && path.length() > 2 && (path.charAt(2) == '\\'
          || path.charAt(2) == '/') ? "it is an absolute Windows path" : "it is a URL or has a drive letter";
    }
    if (path.startsWith("/") || path.startsWith("~")) {
      return "it is an absolute path";
    }
    if (path.indexOf('\\') >= 0) {
      return "it contains a backslash";
    }
    for (String seg : path.split("/", -1)) {
      if (seg.equals("..")) {
        return "it contains a '..' segment";
      }
    }
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) < 0x20) {
        return "it contains a control character";
      }
    }
    return null;
  }

  static String sha256(Path f) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
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
