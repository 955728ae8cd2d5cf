package org.civicequity.core.io;

import static org.civicequity.core.io.internal.JsonFields.bool;
import static org.civicequity.core.io.internal.JsonFields.integer;
import static org.civicequity.core.io.internal.JsonFields.map;
import static org.civicequity.core.io.internal.JsonFields.objects;
import static org.civicequity.core.io.internal.JsonFields.others;
import static org.civicequity.core.io.internal.JsonFields.text;
import static org.civicequity.core.io.internal.JsonFields.texts;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicequity.core.CivicEquityInfo;
import org.civicequity.core.Contributor;
import org.civicequity.core.Jurisdiction;
import org.civicequity.core.License;
import org.civicequity.core.Manifest;
import org.civicequity.core.PackageSource;
import org.civicequity.core.Publisher;
import org.civicequity.core.Resource;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.SuppressionPolicy;
import org.civicequity.core.TableField;
import org.civicequity.core.TableSchema;
import org.civicequity.core.io.internal.LocatedJson;
import org.civicequity.core.io.internal.Problems;
import tools.jackson.databind.JsonNode;

/**
 * Reads a feed's manifest ({@code datapackage.json}). Syntax errors, invalid UTF-8, duplicate
 * members and limits are {@link ReadProblem}s with line and column; members of the wrong type
 * are left out of the {@link Manifest} (run {@code datapackage.schema.json} on
 * {@link ReadResult#tree()} to report them, located with {@link ReadResult#locate(String)}).
 */
public final class ManifestReader {
  private static final Set<String> KNOWN = Set.of("$schema", "name", "id", "title",
      "description", "homepage", "version", "created", "keywords", "contributors", "licenses",
      "sources", "resources", "civicEquity");
  private static final Set<String> KNOWN_RESOURCE = Set.of("name", "path", "type", "title",
      "description", "format", "mediatype", "encoding", "bytes", "hash", "schema", "dialect",
      "licenses", "sources");
  private static final Set<String> KNOWN_SCHEMA = Set.of("fields", "primaryKey",
      "missingValues");
  private static final Set<String> KNOWN_CIVIC = Set.of("standardVersion", "publisher",
      "suppressionPolicy", "extensions");

  private ManifestReader() {
  }

  /**
   * Reads a manifest file.
   *
   * @param file the path of {@code datapackage.json}
   * @return the result, named by the file's name
   * @throws IOException if the file cannot be opened
   */
  public static ReadResult<Manifest> read(Path file) throws IOException {
    return read(Files.newInputStream(file), String.valueOf(file.getFileName()));
  }

  /**
   * Reads a manifest with the default limits.
   *
   * @param in       the bytes; closed here
   * @param fileName the name used in locations
   * @return the result
   */
  public static ReadResult<Manifest> read(InputStream in, String fileName) {
    return read(in, fileName, ReadOptions.defaults());
  }

  /**
   * Reads a manifest.
   *
   * @param in       the bytes; closed here
   * @param fileName the name used in locations
   * @param options  limits
   * @return the result; its value is empty when the file is not a JSON object
   */
  public static ReadResult<Manifest> read(InputStream in, String fileName, ReadOptions options) {
    Problems problems = new Problems(options.maxProblemsKept(), options.onProblem());
    LocatedJson doc = LocatedJson.read(in, fileName, options, problems);
    JsonNode tree = doc.tree();
    Manifest m = null;
    if (tree != null && tree.isObject()) {
      m = fromJson(tree, fileName, doc.lines());
    } else if (tree != null) {
      problems.report(new ReadProblem(ReadProblem.JSON_STRUCTURE, new SourceLocation(fileName, 0,
          1, null, ""), 0, "expected a JSON object (a Data Package), found "
          + tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT), null));
    }
    return new ReadResult<>(fileName, m, problems.kept(), tree, doc.lines());
  }

  /**
   * Builds a manifest from a parsed document, leniently.
   *
   * @param tree     the document
   * @param fileName the file name used in locations
   * @param lines    JSON pointer to line (may be empty)
   * @return the manifest
   */
  public static Manifest fromJson(JsonNode tree, String fileName, Map<String, Long> lines) {
    List<Resource> resources = new ArrayList<>();
    for (Map.Entry<Integer, JsonNode> e : objects(tree, "resources")) {
      String pointer = "/resources/" + e.getKey();
      resources.add(resource(e.getValue(), new SourceLocation(fileName, 0,
          lines.getOrDefault(pointer, 0L), null, pointer)));
    }
    JsonNode ce = tree.get("civicEquity");
    CivicEquityInfo info = ce != null && ce.isObject() ? civicEquity(ce) : null;
    return new Manifest(text(tree, "$schema"), text(tree, "name"), text(tree, "id"),
        text(tree, "title"), text(tree, "description"), text(tree, "homepage"),
        text(tree, "version"), text(tree, "created"), texts(tree, "keywords"),
        contributors(tree), licenses(tree), sources(tree), resources, info, others(tree, KNOWN),
        new SourceLocation(fileName, 0, lines.getOrDefault("", 0L), null, ""));
  }

  private static CivicEquityInfo civicEquity(JsonNode ce) {
    JsonNode p = ce.get("publisher");
    Publisher publisher = null;
    if (p != null && p.isObject()) {
      JsonNode j = p.get("jurisdiction");
      Jurisdiction jurisdiction = j != null && j.isObject()
          ? new Jurisdiction(text(j, "geoLevel"), text(j, "geoId"), text(j, "name")) : null;
      publisher = new Publisher(text(p, "name"), text(p, "url"), text(p, "email"), jurisdiction);
    }
    JsonNode s = ce.get("suppressionPolicy");
    SuppressionPolicy policy = null;
    if (s != null && s.isObject()) {
      Long min = integer(s, "minimumCellSize");
      Boolean comp = bool(s, "complementary");
      policy = new SuppressionPolicy(min == null || min > Integer.MAX_VALUE ? null
          : min.intValue(), comp != null && comp);
    }
    return new CivicEquityInfo(text(ce, "standardVersion"), publisher, policy,
        texts(ce, "extensions"), others(ce, KNOWN_CIVIC));
  }

  private static Resource resource(JsonNode r, SourceLocation location) {
    JsonNode s = r.get("schema");
    TableSchema schema = null;
    if (s != null && s.isObject()) {
      List<TableField> fields = new ArrayList<>();
      for (Map.Entry<Integer, JsonNode> e : objects(s, "fields")) {
        JsonNode f = e.getValue();
        fields.add(new TableField(text(f, "name"), text(f, "type"), text(f, "format"),
            text(f, "title"), text(f, "description"), map(f, "constraints"),
            texts(f, "missingValues")));
      }
      schema = new TableSchema(fields, texts(s, "primaryKey"), texts(s, "missingValues"),
          others(s, KNOWN_SCHEMA));
    }
    return new Resource(text(r, "name"), text(r, "path"), text(r, "type"), text(r, "title"),
        text(r, "description"), text(r, "format"), text(r, "mediatype"), text(r, "encoding"),
        integer(r, "bytes"), text(r, "hash"), schema, map(r, "dialect"), licenses(r), sources(r),
        others(r, KNOWN_RESOURCE), location);
  }

  private static List<License> licenses(JsonNode n) {
    List<License> out = new ArrayList<>();
    for (Map.Entry<Integer, JsonNode> e : objects(n, "licenses")) {
      JsonNode l = e.getValue();
      out.add(new License(text(l, "name"), text(l, "path"), text(l, "title")));
    }
    return out;
  }

  private static List<PackageSource> sources(JsonNode n) {
    List<PackageSource> out = new ArrayList<>();
    for (Map.Entry<Integer, JsonNode> e : objects(n, "sources")) {
      JsonNode s = e.getValue();
      out.add(new PackageSource(text(s, "title"), text(s, "path"), text(s, "email"),
          text(s, "version")));
    }
    return out;
  }

  private static List<Contributor> contributors(JsonNode n) {
    List<Contributor> out = new ArrayList<>();
    for (Map.Entry<Integer, JsonNode> e : objects(n, "contributors")) {
      JsonNode c = e.getValue();
      out.add(new Contributor(text(c, "title"), text(c, "givenName"), text(c, "familyName"),
          text(c, "path"), text(c, "email"), text(c, "organization"), texts(c, "roles")));
    }
    return out;
  }
}
