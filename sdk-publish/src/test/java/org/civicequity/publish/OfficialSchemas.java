package org.civicequity.publish;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official schemas, validated with networknt json-schema-validator (an independent
 * validator, not the SDK's own code), formats asserted: the Frictionless Data Package v2 profile
 * and the data.gov harvester's non-federal DCAT-US 1.1 catalog and dataset schemas, from the
 * test resources (see external/SOURCES.md).
 */
final class OfficialSchemas {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final SchemaRegistryConfig STRICT = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
  private static final SchemaRegistry FRICTIONLESS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
      b -> b.schemaRegistryConfig(STRICT));
  private static final SchemaRegistry DCAT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(STRICT).schemaIdResolvers(ids -> ids.mapPrefix(
          "https://project-open-data.cio.gov/v1.1/schema/", "classpath:external/dcat-us-1.1/non-federal/")));

  private OfficialSchemas() {
  }

  static JsonNode read(Path file) throws IOException {
    return MAPPER.readTree(file.toFile());
  }

  static List<com.networknt.schema.Error> frictionlessDataPackage(Path datapackage) throws IOException {
    Schema s = FRICTIONLESS.getSchema(SchemaLocation.of("classpath:external/frictionless/2.0/datapackage.json"));
    return s.validate(read(datapackage));
  }

  static List<com.networknt.schema.Error> frictionlessResource(JsonNode resource) {
    Schema s = FRICTIONLESS.getSchema(SchemaLocation.of("classpath:external/frictionless/2.0/dataresource.json"));
    return s.validate(resource);
  }

  static List<com.networknt.schema.Error> dcatCatalog(Path dataJson) throws IOException {
    Schema s = DCAT.getSchema(SchemaLocation.of("https://project-open-data.cio.gov/v1.1/schema/catalog.json"));
    return s.validate(read(dataJson));
  }

  static List<com.networknt.schema.Error> dcatDataset(JsonNode dataset) {
    Schema s = DCAT.getSchema(SchemaLocation.of("https://project-open-data.cio.gov/v1.1/schema/dataset.json"));
    return s.validate(dataset);
  }
}
