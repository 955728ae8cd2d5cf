package org.civicequity.core.io;

import static org.civicequity.core.io.internal.JsonFields.put;
import static org.civicequity.core.io.internal.JsonFields.putAll;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.civicequity.core.CivicEquityInfo;
import org.civicequity.core.Contributor;
import org.civicequity.core.License;
import org.civicequity.core.Manifest;
import org.civicequity.core.PackageSource;
import org.civicequity.core.Resource;
import org.civicequity.core.TableField;
import org.civicequity.core.TableSchema;
import org.civicequity.core.internal.JsonOutput;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a manifest as {@code datapackage.json} with a stable member order (the order of the
 * {@link Manifest} record, then the other members in their order), two-space indentation, LF
 * line ends: the same manifest always gives the same bytes.
 */
public final class ManifestWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ManifestWriter() {
  }

  /**
   * Writes a manifest. The stream is flushed, not closed.
   *
   * @param manifest the manifest
   * @param out      where to write
   * @throws IOException if the stream cannot be written
   */
  public static void write(Manifest manifest, OutputStream out) throws IOException {
    JsonOutput.write(out, toJson(manifest));
  }

  /**
   * The manifest as a JSON tree, members in the stable order.
   *
   * @param m the manifest
   * @return a new tree
   */
  public static ObjectNode toJson(Manifest m) {
    ObjectNode o = NODES.objectNode();
    put(o, "$schema", m.profile());
    put(o, "name", m.name());
    put(o, "id", m.id());
    put(o, "title", m.title());
    put(o, "description", m.description());
    put(o, "homepage", m.homepage());
    put(o, "version", m.version());
    put(o, "created", m.created());
    texts(o, "keywords", m.keywords());
    if (!m.contributors().isEmpty()) {
      ArrayNode a = o.putArray("contributors");
      for (Contributor c : m.contributors()) {
        ObjectNode n = a.addObject();
        put(n, "title", c.title());
        put(n, "givenName", c.givenName());
        put(n, "familyName", c.familyName());
        put(n, "path", c.path());
        put(n, "email", c.email());
        put(n, "organization", c.organization());
        texts(n, "roles", c.roles());
      }
    }
    licenses(o, m.licenses());
    sources(o, m.sources());
    if (m.civicEquity() != null) {
      civicEquity(o.putObject("civicEquity"), m.civicEquity());
    }
    ArrayNode resources = o.putArray("resources");
    for (Resource r : m.resources()) {
      resource(resources.addObject(), r);
    }
    putAll(o, m.other());
    return o;
  }

  private static void civicEquity(ObjectNode o, CivicEquityInfo ce) {
    put(o, "standardVersion", ce.standardVersion());
    if (ce.publisher() != null) {
      ObjectNode p = o.putObject("publisher");
      put(p, "name", ce.publisher().name());
      put(p, "url", ce.publisher().url());
      put(p, "email", ce.publisher().email());
      if (ce.publisher().jurisdiction() != null) {
        ObjectNode j = p.putObject("jurisdiction");
        put(j, "geoLevel", ce.publisher().jurisdiction().geoLevel());
        put(j, "geoId", ce.publisher().jurisdiction().geoId());
        put(j, "name", ce.publisher().jurisdiction().name());
      }
    }
    if (ce.suppressionPolicy() != null) {
      ObjectNode s = o.putObject("suppressionPolicy");
      if (ce.suppressionPolicy().minimumCellSize() != null) {
        s.put("minimumCellSize", ce.suppressionPolicy().minimumCellSize().intValue());
      }
      s.put("complementary", ce.suppressionPolicy().complementary());
    }
    ArrayNode ext = o.putArray("extensions");
    ce.extensions().forEach(ext::add);
    putAll(o, ce.other());
  }

  private static void resource(ObjectNode o, Resource r) {
    put(o, "name", r.name());
    put(o, "type", r.type());
    put(o, "path", r.path());
    put(o, "title", r.title());
    put(o, "description", r.description());
    put(o, "format", r.format());
    put(o, "mediatype", r.mediatype());
    put(o, "encoding", r.encoding());
    if (r.bytes() != null) {
      o.put("bytes", r.bytes().longValue());
    }
    put(o, "hash", r.hash());
    if (!r.dialect().isEmpty()) {
      putAll(o.putObject("dialect"), r.dialect());
    }
    if (r.schema() != null) {
      schema(o.putObject("schema"), r.schema());
    }
    licenses(o, r.licenses());
    sources(o, r.sources());
    putAll(o, r.other());
  }

  private static void schema(ObjectNode o, TableSchema s) {
    ArrayNode fields = o.putArray("fields");
    for (TableField f : s.fields()) {
      ObjectNode n = fields.addObject();
      put(n, "name", f.name());
      put(n, "type", f.type());
      put(n, "format", f.format());
      put(n, "title", f.title());
      put(n, "description", f.description());
      if (!f.constraints().isEmpty()) {
        putAll(n.putObject("constraints"), f.constraints());
      }
      texts(n, "missingValues", f.missingValues());
    }
    texts(o, "primaryKey", s.primaryKey());
    if (!s.missingValues().isEmpty()) {
      ArrayNode mv = o.putArray("missingValues");
      s.missingValues().forEach(mv::add);
    }
    putAll(o, s.other());
  }

  private static void licenses(ObjectNode o, List<License> licenses) {
    if (!licenses.isEmpty()) {
      ArrayNode a = o.putArray("licenses");
      for (License l : licenses) {
        ObjectNode n = a.addObject();
        put(n, "name", l.name());
        put(n, "path", l.path());
        put(n, "title", l.title());
      }
    }
  }

  private static void sources(ObjectNode o, List<PackageSource> sources) {
    if (!sources.isEmpty()) {
      ArrayNode a = o.putArray("sources");
      for (PackageSource s : sources) {
        ObjectNode n = a.addObject();
        put(n, "title", s.title());
        put(n, "path", s.path());
        put(n, "email", s.email());
        put(n, "version", s.version());
      }
    }
  }

  private static void texts(ObjectNode o, String name, List<String> values) {
    if (!values.isEmpty()) {
      ArrayNode a = o.putArray(name);
      values.forEach(a::add);
    }
  }
}
