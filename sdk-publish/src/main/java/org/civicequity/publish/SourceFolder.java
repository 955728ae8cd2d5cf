package org.civicequity.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicequity.core.Codelists;
import org.civicequity.core.Manifest;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ManifestReader;
import org.civicequity.core.io.ManifestWriter;
import org.civicequity.publish.internal.DataPackage;
import org.civicequity.publish.internal.FeedFiles;
import org.civicequity.publish.internal.MappingLoader;
import org.civicequity.publish.internal.PublishFaults;
import org.civicequity.publish.internal.WrittenFile;
import org.civicequity.validate.FeedContext;
import org.civicequity.validate.Finding;
import org.civicequity.validate.ValidationReport;
import org.civicequity.validate.Validator;
import org.civicequity.validate.ValidatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source folder made from a {@link Conversion}: {@code datapackage.json} (from the mapping's
 * {@code feed} metadata), {@code indicators.json}, {@code observations.csv} and, when custom
 * areas are used, {@code geographies.csv} — a feed that is ready to be edited and published.
 * Also validates a conversion so that every finding points at the user's own file, row and
 * column, not at the files written.
 */
public final class SourceFolder {
  private static final Pattern ROW_POINTER = Pattern.compile("^/x-row/([0-9]+)(?:/(.*))?$");

  private SourceFolder() {
  }

  /**
   * Validates converted observations with the rules of the standard. Findings about an
   * observation are located in the converted table (file, data row, physical line and the column
   * the field came from); findings about an indicator definition are located in the mapping.
   *
   * @param c       the conversion
   * @param options validator options
   * @return the report
   */
  public static ValidationReport validate(Conversion c, ValidatorOptions options) {
    List<Observation> tagged = new ArrayList<>(c.observations().size());
    for (int i = 0; i < c.observations().size(); i++) {
      Observation o = c.observations().get(i);
      SourceLocation at = o.location().withPointer("/x-row/" + i);
      tagged.add(new Observation(o.indicator(), o.geoLevel(), o.geoId(), o.geoName(), o.period(), o.raceEthnicity(),
          o.sex(), o.age(), o.income(), o.disability(), o.nativity(), o.value(), o.moe(), o.lower(), o.upper(),
          o.numerator(), o.denominator(), o.status(), o.note(), o.unparsed(), o.extra(), at));
    }
    Manifest template = manifestTemplate(c);
    FeedContext.Builder b = FeedContext.builder().input(c.input()).hasManifest(template != null)
        .indicators(c.indicators()).geographies(c.geographies()).codelists(Codelists.standard().asMap());
    if (template != null && template.civicEquity() != null) {
      var ce = template.civicEquity();
      b.standardVersion(ce.standardVersion() == null ? FeedFiles.STANDARD_VERSION : ce.standardVersion());
      if (ce.publisher() != null && ce.publisher().jurisdiction() != null) {
        b.jurisdiction(ce.publisher().jurisdiction().geoLevel(), ce.publisher().jurisdiction().geoId());
      }
      if (ce.suppressionPolicy() != null && ce.suppressionPolicy().minimumCellSize() != null) {
        b.suppressionMinimum(ce.suppressionPolicy().minimumCellSize().doubleValue());
      }
    }
    ValidationReport r = Validator.create(options).validate(tagged, b.build());
    List<ValidationReport.FindingGroup> groups = new ArrayList<>();
    for (ValidationReport.FindingGroup g : r.findings()) {
      List<Finding> examples = new ArrayList<>();
      for (Finding f : g.examples()) {
        examples.add(new Finding(f.code(), f.severity(), f.message(), relocate(f.location(), c), f.value()));
      }
      groups.add(new ValidationReport.FindingGroup(g.code(), g.severity(), g.count(), g.description(), examples));
    }
    List<ValidationReport.SystemError> errors = new ArrayList<>();
    for (ValidationReport.SystemError e : r.systemErrors()) {
      errors.add(new ValidationReport.SystemError(e.code(), e.message(),
          e.location() == null ? null : relocate(e.location(), c)));
    }
    return new ValidationReport(r.valid(), r.standardVersion(), r.validatorName(), r.validatorVersion(), c.input(),
        r.summary(), groups, r.rulesNotRun(), errors);
  }

  private static SourceLocation relocate(SourceLocation at, Conversion c) {
    if (at == null || at.pointer() == null || !c.inputs().contains(at.file())) {
      return at;
    }
    Matcher m = ROW_POINTER.matcher(at.pointer());
    if (!m.matches()) {
      // a finding built from the row and line only (e.g. a group of rows): keep them, drop the pointer
      return new SourceLocation(at.file(), at.row(), at.line(), at.column(), null);
    }
    int index = Integer.parseInt(m.group(1));
    String field = m.group(2);
    Observation o = c.observations().get(index);
    String column = o.location().column();
    if (field != null) {
      column = c.fieldColumns().get(index).getOrDefault(field, column);
    }
    return new SourceLocation(o.location().file(), o.location().row(), o.location().line(), column, null);
  }

  /**
   * Writes the source folder.
   *
   * @param c   the conversion
   * @param dir the folder (created if needed); its files are replaced
   * @return the files written
   * @throws IOException if writing fails
   */
  public static List<String> write(Conversion c, Path dir) throws IOException {
    Files.createDirectories(dir);
    for (String f : List.of("datapackage.json", "indicators.json", "observations.csv", "geographies.csv")) {
      Files.deleteIfExists(dir.resolve(f));
    }
    FeedFiles files = new FeedFiles(dir, PublishFaults.NONE);
    Map<String, WrittenFile> written = new LinkedHashMap<>();
    WrittenFile obs = files.observationsCsv("observations.csv", c.observations());
    written.put(obs.path(), obs);
    WrittenFile ind = files.indicators(c.indicators());
    written.put(ind.path(), ind);
    if (!c.geographies().isEmpty()) {
      WrittenFile geo = files.geographies(c.geographies());
      written.put(geo.path(), geo);
    }
    Manifest template = manifestTemplate(c);
    String name = org.civicequity.publish.internal.CustomAreas.slug(
        dir.toAbsolutePath().normalize().getFileName() == null ? "feed" : dir.toAbsolutePath().normalize().getFileName().toString());
    Manifest m = DataPackage.build(template, name, null, template == null ? null : template.version(), written,
        FeedFiles.extraColumns(c.observations()), c.indicators());
    WrittenFile dp = files.json("datapackage.json", ManifestWriter.toJson(m));
    written.put(dp.path(), dp);
    return new ArrayList<>(written.keySet());
  }

  /**
   * What {@link FeedPublisher} would refuse in the metadata of the source folder written for a
   * conversion (a publisher name and a contact email, which the DCAT-US catalog requires): the
   * same lines the refusal lists, so {@code convert} and {@code publish} agree.
   *
   * @param c the conversion
   * @return one line per problem; empty when the folder's metadata can be published
   */
  public static List<String> publishProblems(Conversion c) {
    Manifest template = manifestTemplate(c);
    return org.civicequity.publish.internal.Dcat.missing(template == null || template.civicEquity() == null
        ? null : template.civicEquity().publisher());
  }

  /** The manifest template of the mapping's {@code feed} section, or null without one. */
  static Manifest manifestTemplate(Conversion c) {
    if (c.feed() == null) {
      return null;
    }
    JsonNode feed = MappingLoader.mapper().readTree(c.feed());
    ObjectNode dp = MappingLoader.mapper().createObjectNode();
    dp.put("$schema", Manifest.PROFILE);
    copy(feed, dp, "name");
    copy(feed, dp, "title");
    copy(feed, dp, "description");
    copy(feed, dp, "homepage");
    if (feed.has("keywords")) {
      dp.set("keywords", feed.get("keywords"));
    }
    if (feed.has("license")) {
      ArrayNode licenses = dp.putArray("licenses");
      ObjectNode l = licenses.addObject();
      l.put("name", feed.get("license").asString());
    }
    ObjectNode ce = dp.putObject("civicEquity");
    ce.put("standardVersion", FeedFiles.STANDARD_VERSION);
    if (feed.has("publisher")) {
      ce.set("publisher", feed.get("publisher"));
    }
    if (feed.has("suppressionPolicy")) {
      ce.set("suppressionPolicy", feed.get("suppressionPolicy"));
    }
    dp.putArray("resources");
    return ManifestReader.fromJson(dp, "datapackage.json", Map.of());
  }

  private static void copy(JsonNode from, ObjectNode to, String name) {
    if (from.has(name)) {
      to.set(name, from.get(name));
    }
  }
}
