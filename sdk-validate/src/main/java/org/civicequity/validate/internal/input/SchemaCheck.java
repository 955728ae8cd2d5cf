package org.civicequity.validate.internal.input;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks JSON documents against the standard's schemas with networknt (the schemas are resolved
 * from the schema jar, never from the network) and maps each error to a finding code: the nearest
 * enclosing {@code x-code} along the error's schema location, else by keyword (architecture.md).
 * Thread-safe; schemas are compiled once.
 */
public final class SchemaCheck {
  /** The prefix of every schema {@code $id}. */
  public static final String ID_PREFIX = "https://civicequity.org/schema/1.0/";
  private static final String CLASSPATH = "org/civicequity/schema/json/";

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + CLASSPATH)));
  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, JsonNode> RAW = new ConcurrentHashMap<>();
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private SchemaCheck() {
  }

  /**
   * One schema error with its finding code.
   *
   * @param code    the finding code
   * @param pointer the JSON pointer of the offending value ("" for the document)
   * @param field   the field the finding is reported on (from {@code x-field}, or the last
   *                pointer segment, or the missing property's name), or null
   * @param message the schema validator's message
   */
  public record Violation(String code, String pointer, String field, String message) {
  }

  /**
   * Validates a document.
   *
   * @param schemaFile the schema's file name, e.g. {@code datapackage.schema.json}
   * @param document   the document
   * @return the violations, in the validator's order
   */
  public static List<Violation> validate(String schemaFile, JsonNode document) {
    Schema schema = SCHEMAS.computeIfAbsent(schemaFile,
        f -> REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + f)));
    List<Violation> out = new ArrayList<>();
    for (Error e : schema.validate(document)) {
      String pointer = toPointer(e);
      String[] coded = xCode(e);
      String code = coded != null ? coded[0] : byKeyword(e.getKeyword());
      String field = coded != null && coded[1] != null ? coded[1] : null;
      if (field == null && ("required".equals(e.getKeyword())
          || "additionalProperties".equals(e.getKeyword())) && e.getProperty() != null) {
        field = e.getProperty();
      }
      if (field == null) {
        int slash = pointer.lastIndexOf('/');
        field = slash >= 0 && slash < pointer.length() - 1 ? unescape(pointer.substring(slash + 1)) : null;
      }
      out.add(new Violation(code, pointer, field, e.getMessage()));
    }
    return out;
  }

  /**
   * Reports a violation of a whole document (the manifest, indicators.json, a row of
   * geographies.csv) with the message variant {@code document} of its code: the member, where it
   * is, and the schema's own explanation, instead of the observation-row template (which expects
   * a field and a codelist).
   *
   * @param findings where to report
   * @param v        the violation
   * @param location where it is
   * @param value    the offending value as text, or null
   */
  public static void report(org.civicequity.validate.Findings findings, Violation v,
      org.civicequity.core.SourceLocation location, String value) {
    String member = v.field() != null ? v.field() : v.pointer().isEmpty() ? "(the document)" : v.pointer();
    String where = v.pointer().isEmpty() ? "at the top level" : "in " + v.pointer();
    findings.reportVariant(org.civicequity.validate.internal.rules.BuiltInRules.info(v.code()), "document",
        location, value, member, v.message(), where);
  }

  private static String toPointer(Error e) {
    var loc = e.getInstanceLocation();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < loc.getNameCount(); i++) {
      Object el = loc.getElement(i);
      sb.append('/').append(String.valueOf(el).replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  private static String unescape(String s) {
    return s.replace("~1", "/").replace("~0", "~");
  }

  static String byKeyword(String keyword) {
    if (keyword == null) {
      return "SCHEMA_VIOLATION";
    }
    return switch (keyword) {
      case "required" -> "REQUIRED_FIELD_MISSING";
      case "additionalProperties", "unevaluatedProperties" -> "UNKNOWN_FIELD";
      case "type" -> "WRONG_TYPE";
      case "enum", "const" -> "UNKNOWN_CODE";
      default -> "SCHEMA_VIOLATION";
    };
  }

  /** The nearest {@code x-code} (and {@code x-field}) enclosing the failing keyword, or null. */
  private static String[] xCode(Error e) {
    SchemaLocation sl = e.getSchemaLocation();
    String iri = sl.getAbsoluteIri() == null ? null : sl.getAbsoluteIri().toString();
    if (iri == null || !iri.startsWith(ID_PREFIX)) {
      return null;
    }
    JsonNode root = RAW.computeIfAbsent(iri.substring(ID_PREFIX.length()), SchemaCheck::raw);
    if (root == null) {
      return null;
    }
    var frag = sl.getFragment();
    List<JsonNode> chain = new ArrayList<>();
    JsonNode n = root;
    chain.add(n);
    for (int i = 0; i < frag.getNameCount() && n != null; i++) {
      Object el = frag.getElement(i);
      n = el instanceof Integer idx ? n.get(idx) : n.get(String.valueOf(el));
      if (n != null) {
        chain.add(n);
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      JsonNode c = chain.get(i);
      if (c.isObject() && c.has("x-code")) {
        JsonNode f = c.get("x-field");
        return new String[] {c.get("x-code").asString(), f == null ? null : f.asString()};
      }
    }
    return null;
  }

  private static JsonNode raw(String file) {
    try (InputStream in = SchemaCheck.class.getClassLoader().getResourceAsStream(CLASSPATH + file)) {
      return in == null ? null : MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
