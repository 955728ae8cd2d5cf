package org.civicequity.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standard's schemas, codelists and catalogue as the tests see them: loaded from the classpath
 * (the module's packaged resources), with the schemas' https {@code $id} prefix mapped to the
 * classpath so that nothing is ever fetched from the network.
 */
public final class StandardSchemas {
  /** The {@code $id} prefix of every schema of the standard. */
  public static final String ID_PREFIX = "https://civicequity.org/schema/1.0/";
  /** Where the schemas are on the classpath. */
  public static final String SCHEMA_RESOURCES = "org/civicequity/schema/json/";
  /** Where the codelists are on the classpath. */
  public static final String CODELIST_RESOURCES = "org/civicequity/schema/codelists/";
  /** The core catalogue on the classpath. */
  public static final String CATALOGUE_RESOURCE = "org/civicequity/schema/catalogue/indicators.json";

  /** The schema files of the standard, in documentation order. */
  public static final List<String> SCHEMA_FILES = List.of(
      "datapackage.schema.json", "indicators.schema.json", "indicator.schema.json",
      "observation.schema.json", "geography.schema.json", "federation.schema.json",
      "report.schema.json", "codelist.schema.json", "codes.schema.json");

  /** The codelist ids of the standard (docs/architecture.md). */
  public static final List<String> CODELIST_IDS = List.of(
      "race-ethnicity", "sex", "age-band", "income-band", "disability", "nativity",
      "geo-level", "unit", "domain", "polarity", "status", "suppression-reason");

  /** One mapper for all tests. */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:" + SCHEMA_RESOURCES))
          .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();

  private StandardSchemas() {
  }

  /**
   * The registry (created once: it caches compiled schemas).
   *
   * @return the registry with the classpath mapping and format assertions on
   */
  public static SchemaRegistry registry() {
    return REGISTRY;
  }

  /**
   * A compiled schema of the standard.
   *
   * @param file a schema file name such as {@code observation.schema.json}
   * @return the compiled schema
   */
  public static Schema schema(String file) {
    return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + file));
  }

  /**
   * The JSON document of a schema, by its absolute IRI (as found in an error's schema location).
   *
   * @param absoluteIri the schema's {@code $id}
   * @return the parsed document
   */
  public static JsonNode document(String absoluteIri) {
    return DOCUMENTS.computeIfAbsent(absoluteIri, iri -> {
      if (!iri.startsWith(ID_PREFIX)) {
        throw new IllegalArgumentException("not a schema of the standard: " + iri);
      }
      return resource(SCHEMA_RESOURCES + iri.substring(ID_PREFIX.length()));
    });
  }

  /**
   * Reads a JSON resource from the classpath.
   *
   * @param path the resource path
   * @return the parsed JSON
   */
  public static JsonNode resource(String path) {
    try (InputStream in = StandardSchemas.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no such resource on the classpath: " + path);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(path, e);
    }
  }

  /**
   * A codelist file.
   *
   * @param id the codelist id
   * @return the parsed codelist
   */
  public static JsonNode codelist(String id) {
    return resource(CODELIST_RESOURCES + id + ".json");
  }
}
