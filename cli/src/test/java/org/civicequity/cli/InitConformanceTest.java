package org.civicequity.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicequity.cli.CivicEquityTest.run;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** What {@code init} writes is valid under the standard's own schemas from the first minute. */
class InitConformanceTest {

  private static final String ID_PREFIX = "https://civicequity.org/schema/1.0/";

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:org/civicequity/schema/json/")));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Observation fields the schema types as numbers; the CSV cells of the example are typed so. */
  private static final Set<String> NUMERIC = Set.of("value", "moe", "lower", "upper", "numerator", "denominator");

  @TempDir
  Path tmp;

  private static List<String> errors(String schemaFile, JsonNode node) {
    List<Error> errors = REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + schemaFile)).validate(node);
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  @Test
  void everyFileConformsToItsSchema() throws IOException {
    Path dir = tmp.resolve("kent-county-equity");
    assertThat(run("init", dir.toString()).exitCode()).isEqualTo(ExitCode.OK);

    assertThat(errors("datapackage.schema.json", JSON.readTree(dir.resolve("datapackage.json").toFile())))
        .isEmpty();
    JsonNode indicators = JSON.readTree(dir.resolve("indicators.json").toFile());
    assertThat(errors("indicators.schema.json", indicators)).isEmpty();
    assertThat(errors("mapping.schema.json", JSON.readTree(dir.resolve("mapping.json").toFile())))
        .isEmpty();

    try (CSVParser csv = CSVParser.parse(dir.resolve("observations.csv"), StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord rec : csv) {
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : rec.toMap().entrySet()) {
          if (cell.getValue().isEmpty()) {
            continue;
          }
          if (NUMERIC.contains(cell.getKey())) {
            row.put(cell.getKey(), new BigDecimal(cell.getValue()));
          } else {
            row.put(cell.getKey(), cell.getValue());
          }
        }
        assertThat(errors("observation.schema.json", row)).as("row %d", rec.getRecordNumber()).isEmpty();
      }
    }

    // And the validator of this command line agrees: the folder is valid as written.
    CivicEquityTest.Run validation = run("validate", dir.toString());
    assertThat(validation.exitCode()).as(validation.out() + validation.err()).isEqualTo(ExitCode.OK);
    assertThat(validation.out()).contains("VALID: 0 errors, 0 warnings");

    // The example indicator is comparable: it names a core-catalogue indicator of the same unit.
    JsonNode example = indicators.path("indicators").get(0);
    try (InputStream in = getClass().getResourceAsStream("/org/civicequity/schema/catalogue/indicators.json")) {
      assertThat(in).isNotNull();
      JsonNode core = JSON.readTree(in).path("indicators").valueStream()
          .filter(i -> i.path("id").asString().equals(example.path("equivalentTo").asString()))
          .findFirst().orElseThrow();
      assertThat(core.path("unit").asString()).isEqualTo(example.path("unit").asString());
    }
  }
}
