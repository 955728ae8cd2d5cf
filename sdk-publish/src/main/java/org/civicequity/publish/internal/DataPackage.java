package org.civicequity.publish.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicequity.core.CivicEquityInfo;
import org.civicequity.core.Indicator;
import org.civicequity.core.Manifest;
import org.civicequity.core.Observation;
import org.civicequity.core.Resource;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.TableField;
import org.civicequity.core.TableSchema;

/**
 * Builds a feed's {@code datapackage.json}: the publisher's template (name, title, licences,
 * publisher, suppression policy) completed with the resources as written (path, format, media
 * type, bytes, SHA-256, Table Schema and dialect of the CSV files) and the creation time.
 */
public final class DataPackage {
  /** The CSV dialect the SDK writes. */
  public static final Map<String, Object> CSV_DIALECT = dialect();

  private DataPackage() {
  }

  private static Map<String, Object> dialect() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("header", true);
    d.put("delimiter", ",");
    d.put("lineTerminator", "\n");
    d.put("quoteChar", "\"");
    d.put("doubleQuote", true);
    return java.util.Collections.unmodifiableMap(d);
  }

  /**
   * The Table Schema of observations.csv.
   *
   * @param extraColumns the {@code x-} columns written after the standard ones
   * @return the schema
   */
  public static TableSchema observationSchema(List<String> extraColumns) {
    List<TableField> fields = new ArrayList<>();
    Set<String> required = Set.of("indicator", "geoLevel", "geoId", "period");
    for (String f : Observation.FIELDS) {
      String type = Observation.NUMERIC_FIELDS.contains(f) ? "number" : "string";
      Map<String, Object> constraints = required.contains(f) ? Map.of("required", true) : Map.of();
      fields.add(new TableField(f, type, null, null, description(f), constraints, List.of()));
    }
    for (String x : extraColumns) {
      fields.add(new TableField(x, "string", null, null, "An extension column.", Map.of(), List.of()));
    }
    return new TableSchema(fields, List.of(), List.of(""), Map.of());
  }

  private static String description(String field) {
    return switch (field) {
      case "indicator" -> "The indicator id, defined in indicators.json.";
      case "geoLevel" -> "The geography level (codelist geo-level).";
      case "geoId" -> "The census GEOID, or the id of a custom area of geographies.csv.";
      case "geoName" -> "The name of the geography.";
      case "period" -> "The period: an ISO 8601 year, month, date or interval such as 2015/2019.";
      case "value" -> "The value, in the indicator's unit; empty when status says why.";
      case "moe" -> "The margin of error at the indicator's confidence level.";
      case "lower", "upper" -> "A bound of the value's confidence interval.";
      case "numerator", "denominator" -> "A count behind the value.";
      case "status" -> "ok (empty), suppressed, unreliable, not-available or not-applicable.";
      case "note" -> "A note about this value.";
      default -> "A disaggregation dimension (codelist); empty means all people.";
    };
  }

  /** The Table Schema of geographies.csv. */
  private static TableSchema geographySchema() {
    return new TableSchema(List.of(
        new TableField("geoId", "string", null, null, "The area's id, used as geoId with geoLevel custom.",
            Map.of("required", true), List.of()),
        new TableField("geoName", "string", null, null, "The area's name.", Map.of("required", true), List.of()),
        new TableField("parentGeoId", "string", null, null, "The GEOID of the area it lies in.", Map.of(), List.of()),
        new TableField("tracts", "string", null, null, "Its census tracts: 11-digit GEOIDs separated by spaces.",
            Map.of(), List.of())), List.of("geoId"), List.of(""), Map.of());
  }

  /**
   * Builds the manifest.
   *
   * @param template      the source folder's manifest, or null
   * @param defaultName   a name when the template has none
   * @param created       the creation time (RFC 3339)
   * @param version       the version
   * @param files         the files written, by path
   * @param extraColumns  the observation CSV's extension columns
   * @param indicators    the indicator definitions (for keywords)
   * @return the manifest
   */
  public static Manifest build(Manifest template, String defaultName, String created, String version,
      Map<String, WrittenFile> files, List<String> extraColumns, List<Indicator> indicators) {
    List<Resource> resources = new ArrayList<>();
    WrittenFile csv = files.get("observations.csv");
    WrittenFile ndjson = files.get("observations.ndjson");
    Map<String, Object> other = new LinkedHashMap<>();
    if (ndjson != null) {
      // The same rows as NDJSON. Not a resource of its own: readers and validators take every
      // resource whose file name starts with "observations", so listing it would count each row twice.
      Map<String, Object> alt = new LinkedHashMap<>();
      alt.put("path", ndjson.path());
      alt.put("format", "ndjson");
      alt.put("mediatype", "application/x-ndjson");
      alt.put("encoding", "utf-8");
      alt.put("bytes", ndjson.bytes());
      alt.put("hash", ndjson.hash());
      other.put("x-alternatives", List.of(alt));
    }
    resources.add(new Resource("observations", csv.path(), "table", "Observations",
        "One value of one indicator for one geography, period and group per row (" + csv.rows() + " rows).",
        "csv", "text/csv", "utf-8", csv.bytes(), csv.hash(), observationSchema(extraColumns), CSV_DIALECT,
        List.of(), List.of(), other, SourceLocation.ofFile("datapackage.json")));
    WrittenFile ind = files.get("indicators.json");
    resources.add(new Resource("indicators", ind.path(), null, "Indicator definitions",
        "The definitions of the " + ind.rows() + " indicators of the feed.", "json", "application/json", "utf-8",
        ind.bytes(), ind.hash(), null, Map.of(), List.of(), List.of(), Map.of(), SourceLocation.ofFile("datapackage.json")));
    WrittenFile geo = files.get("geographies.csv");
    if (geo != null) {
      resources.add(new Resource("geographies", geo.path(), "table", "Custom geographies",
          "The custom areas used by the observations, with their census tracts (" + geo.rows() + " areas).", "csv",
          "text/csv", "utf-8", geo.bytes(), geo.hash(), geographySchema(), CSV_DIALECT, List.of(), List.of(), Map.of(),
          SourceLocation.ofFile("datapackage.json")));
    }
    WrittenFile changes = files.get("CHANGES.json");
    if (changes != null) {
      resources.add(new Resource("changes", changes.path(), null, "Changes since the previous version",
          "Observations added, removed and revised, and changed definitions.", "json", "application/json", "utf-8",
          changes.bytes(), changes.hash(), null, Map.of(), List.of(), List.of(), Map.of(),
          SourceLocation.ofFile("datapackage.json")));
    }
    String name = template != null && template.name() != null ? template.name() : defaultName;
    String title = template != null && template.title() != null ? template.title() : name;
    String description = template != null && template.description() != null ? template.description()
        : defaultDescription(indicators.size(), csv.rows());
    List<String> keywords = template != null && !template.keywords().isEmpty() ? template.keywords()
        : keywords(indicators);
    CivicEquityInfo ce = template == null ? null : template.civicEquity();
    if (ce != null && ce.standardVersion() == null) {
      ce = new CivicEquityInfo(FeedFiles.STANDARD_VERSION, ce.publisher(), ce.suppressionPolicy(), ce.extensions(),
          ce.other());
    }
    return new Manifest(Manifest.PROFILE, name, template == null ? null : template.id(), title, description,
        template == null ? null : template.homepage(), version, created, keywords,
        template == null ? List.of() : template.contributors(), template == null ? List.of() : template.licenses(),
        template == null ? List.of() : template.sources(), resources, ce, template == null ? Map.of() : template.other(),
        SourceLocation.ofFile("datapackage.json"));
  }

  private static String defaultDescription(int indicators, long rows) {
    return "Civic Equity Indicators feed: " + indicators + " indicators, " + rows + " observations.";
  }

  /**
   * The template as the dashboard shows it before the files are written: the same title, name,
   * description (or its default) and publisher as the manifest that {@link #build} will make.
   *
   * @param template     the source folder's manifest
   * @param defaultName  a name when the template has none
   * @param indicators   the number of indicators
   * @param observations the number of observations
   * @return the manifest to render the dashboard with
   */
  public static Manifest preview(Manifest template, String defaultName, int indicators, long observations) {
    String description = template.description() != null ? template.description()
        : defaultDescription(indicators, observations);
    String name = template.name() != null ? template.name() : defaultName;
    return new Manifest(template.profile(), name, template.id(), template.title() == null
        ? name : template.title(), description, template.homepage(), template.version(), template.created(),
        template.keywords(), template.contributors(), template.licenses(), template.sources(), template.resources(),
        template.civicEquity(), template.other(), template.location());
  }

  private static List<String> keywords(List<Indicator> indicators) {
    Set<String> k = new LinkedHashSet<>();
    k.add("civic equity");
    k.add("equity indicators");
    indicators.stream().map(Indicator::domain).filter(d -> d != null).sorted().forEach(k::add);
    return new ArrayList<>(k);
  }
}
