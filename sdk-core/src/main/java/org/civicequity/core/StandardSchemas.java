package org.civicequity.core;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas of the standard (draft 2020-12), resolved from the classpath only: the
 * {@code $id} prefix {@value #ID_PREFIX} maps to {@code classpath:}{@value #RESOURCE_FOLDER}, so
 * nothing is ever fetched from the network. One registry is shared and caches the compiled
 * schemas. Thread-safe.
 *
 * <p>{@link #validate(String, JsonNode)} returns {@link SchemaViolation}s carrying the finding
 * code of the nearest {@code x-code} annotation enclosing the failing keyword in its schema
 * document, or the keyword's default code (docs/architecture.md).
 */
public final class StandardSchemas {
  /** The {@code $id} prefix of every schema of the standard. */
  public static final String ID_PREFIX = "https://civicequity.org/schema/1.0/";
  /** The classpath folder holding the schema files. */
  public static final String RESOURCE_FOLDER = "org/civicequity/schema/json/";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final StandardSchemas INSTANCE = new StandardSchemas();

  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> documents = new ConcurrentHashMap<>();

  private StandardSchemas() {
    this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        b -> b.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + RESOURCE_FOLDER)));
  }

  /**
   * The shared instance.
   *
   * @return the schemas of the standard
   */
  public static StandardSchemas get() {
    return INSTANCE;
  }

  /**
   * Validates a document against one schema of the standard.
   *
   * @param schemaFile the schema's file name, e.g. {@code observation.schema.json}
   * @param document   the JSON document (or one observation object)
   * @return the violations, in the order the validator found them; empty when valid
   * @throws IllegalArgumentException if there is no such schema on the classpath or it is broken
   */
  public static List<SchemaViolation> validate(String schemaFile, JsonNode document) {
    return INSTANCE.check(schemaFile, document);
  }

  /**
   * Validates a document against one schema of the standard.
   *
   * @param schemaFile the schema's file name, e.g. {@code observation.schema.json}
   * @param document   the JSON document
   * @return the violations; empty when valid
   * @throws IllegalArgumentException if there is no such schema on the classpath or it is broken
   */
  public List<SchemaViolation> check(String schemaFile, JsonNode document) {
    Objects.requireNonNull(document, "document");
    Schema schema = schema(schemaFile);
    List<com.networknt.schema.Error> errors = schema.validate(document);
    List<SchemaViolation> out = new ArrayList<>(errors.size());
    for (com.networknt.schema.Error e : errors) {
      out.add(toViolation(e));
    }
    return out;
  }

  /**
   * The raw JSON of a schema file, as shipped (for tools that read annotations).
   *
   * @param schemaFile the file name, e.g. {@code observation.schema.json}
   * @return a copy of the schema document
   * @throws IllegalArgumentException if there is no such schema on the classpath
   */
  public JsonNode document(String schemaFile) {
    return raw(schemaFile).deepCopy();
  }

  /**
   * The compiled schema of a file, from the cache.
   *
   * @param schemaFile the file name
   * @return the schema
   * @throws IllegalArgumentException if there is no such schema on the classpath or it is broken
   */
  Schema schema(String schemaFile) {
    return schemas.computeIfAbsent(schemaFile, f -> {
      raw(f); // a clear message when the file is missing
      try {
        Schema s = registry.getSchema(SchemaLocation.of(ID_PREFIX + f));
        s.initializeValidators();
        return s;
      } catch (SchemaException e) {
        throw new IllegalArgumentException("the schema " + f + " cannot be loaded: "
            + e.getMessage(), e);
      }
    });
  }

  private JsonNode raw(String schemaFile) {
    return documents.computeIfAbsent(schemaFile, f -> {
      if (f.contains("/") || f.contains("\\") || f.contains("..")) {
        throw new IllegalArgumentException("not a schema file name: " + f);
      }
      try (InputStream in = StandardSchemas.class.getClassLoader()
          .getResourceAsStream(RESOURCE_FOLDER + f)) {
        if (in == null) {
          throw new IllegalArgumentException("no schema '" + f + "' on the classpath ("
              + RESOURCE_FOLDER + "); is the civic-equity-schema artifact missing?");
        }
        return MAPPER.readTree(in);
      } catch (IOException | JacksonException e) {
        throw new IllegalArgumentException("the schema " + f + " cannot be read: "
            + e.getMessage(), e);
      }
    });
  }

  private SchemaViolation toViolation(com.networknt.schema.Error e) {
    String keyword = e.getKeyword();
    String pointer = pointer(e.getInstanceLocation());
    Annotation a = annotation(e);
    String code = a != null ? a.code : SchemaViolation.codeOfKeyword(keyword);
    String field;
    if (a != null && a.field != null) {
      field = a.field;
    } else {
      field = firstSegment(e.getInstanceLocation());
      if (field == null && e.getProperty() != null
          && ("required".equals(keyword) || "additionalProperties".equals(keyword)
          || "dependentRequired".equals(keyword))) {
        field = e.getProperty();
      }
    }
    if ("additionalProperties".equals(keyword) && e.getProperty() != null) {
      pointer = pointer + "/" + escape(e.getProperty());
    }
    return new SchemaViolation(code, pointer, field, keyword, e.getMessage());
  }

  /** An x-code annotation found on the way to a failing keyword. */
  private record Annotation(String code, String field) {
  }

  /**
   * Walks the error's schema location (the pointer, inside the schema document that holds the
   * failing keyword, from that document's root to the keyword) and returns the deepest
   * {@code x-code} met, as docs/architecture.md fixes it.
   */
  private Annotation annotation(com.networknt.schema.Error e) {
    SchemaLocation loc = e.getSchemaLocation();
    if (loc == null || loc.getAbsoluteIri() == null) {
      return null;
    }
    String iri = loc.getAbsoluteIri().toString();
    if (!iri.startsWith(ID_PREFIX)) {
      return null;
    }
    JsonNode node = raw(iri.substring(ID_PREFIX.length()));
    NodePath frag = loc.getFragment();
    Annotation deepest = annotationOf(node, null);
    for (int i = 0; frag != null && i < frag.getNameCount() && node != null; i++) {
      node = child(node, frag.getElement(i));
      deepest = annotationOf(node, deepest);
    }
    return deepest;
  }

  private static JsonNode child(JsonNode node, Object seg) {
    if (node == null) {
      return null;
    }
    JsonNode c = seg instanceof Integer i ? node.get(i) : node.get(String.valueOf(seg));
    return c == null || c.isMissingNode() ? null : c;
  }

  private static Annotation annotationOf(JsonNode node, Annotation current) {
    if (node != null && node.isObject() && node.path("x-code").isString()) {
      String field = node.path("x-field").isString() ? node.path("x-field").asString() : null;
      return new Annotation(node.path("x-code").asString(), field);
    }
    return current;
  }

  private static String pointer(NodePath path) {
    if (path == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      sb.append('/').append(escape(String.valueOf(path.getElement(i))));
    }
    return sb.toString();
  }

  private static String firstSegment(NodePath path) {
    if (path == null || path.getNameCount() == 0) {
      return null;
    }
    return String.valueOf(path.getElement(0));
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
