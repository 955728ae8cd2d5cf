package org.civicequity.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The example feeds conform to the standard's JSON Schemas, checked with networknt directly (not
 * through the SDK, so that a bug in the SDK cannot hide a broken example): manifests, indicator
 * files, every observation row and every geography row.
 */
class SchemaConformanceTest {

  /** The schemas' $id prefix, mapped to the schema jar on the classpath (docs/architecture.md). */
  static final String ID_PREFIX = "https://civicequity.org/schema/1.0/";

  static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:org/civicequity/schema/json/")));

  static Schema schema(String file) {
    return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + file));
  }

  /** The JSON Schema that describes one row of a tabular resource, by the resource's file name. */
  static String rowSchemaOf(String path) {
    String file = Path.of(path).getFileName().toString();
    return switch (file) {
      case "observations.csv" -> "observation.schema.json";
      case "geographies.csv" -> "geography.schema.json";
      default -> throw new AssertionError("no row schema is known for " + path);
    };
  }

  static List<String> describe(List<Error> errors) {
    return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
  }

  /**
   * A CSV row as the JSON object the standard says it is: an empty cell is absent, a cell of a
   * column the schema types as a number becomes a JSON number (text that is not a number stays
   * text, so the schema reports it), every other cell is a string.
   */
  static ObjectNode asJson(ExampleFeeds.Row row, Set<String> numericColumns) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> cell : row.cells().entrySet()) {
      String text = cell.getValue();
      if (text == null || text.isEmpty()) {
        continue;
      }
      BigDecimal number = numericColumns.contains(cell.getKey()) ? ExampleFeeds.decimal(text) : null;
      if (number != null) {
        node.put(cell.getKey(), number);
      } else {
        node.put(cell.getKey(), text);
      }
    }
    return node;
  }

  /** The properties a row schema types as numbers (read from the schema, not repeated here). */
  static Set<String> numericProperties(String schemaFile) {
    JsonNode properties = schema(schemaFile).getSchemaNode().path("properties");
    Set<String> numeric = new HashSet<>();
    for (String name : properties.propertyNames()) {
      JsonNode type = properties.path(name).path("type");
      boolean isNumber = type.isArray()
          ? type.valueStream().anyMatch(t -> t.asString().equals("number"))
          : type.asString().equals("number");
      if (isNumber) {
        numeric.add(name);
      }
    }
    return numeric;
  }

  @TestFactory
  Stream<DynamicTest> manifestsAndIndicatorFilesConform() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path feed : ExampleFeeds.feeds()) {
      tests.add(DynamicTest.dynamicTest(feed.getFileName() + "/datapackage.json", () ->
          assertThat(describe(schema("datapackage.schema.json").validate(ExampleFeeds.manifest(feed))))
              .as("%s/datapackage.json against datapackage.schema.json", feed).isEmpty()));
      tests.add(DynamicTest.dynamicTest(feed.getFileName() + "/indicators.json", () ->
          assertThat(describe(schema("indicators.schema.json")
              .validate(ExampleFeeds.readJson(feed.resolve("indicators.json")))))
              .as("%s/indicators.json against indicators.schema.json", feed).isEmpty()));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfEveryTableConforms() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path feed : ExampleFeeds.feeds()) {
      for (Map.Entry<String, JsonNode> e : ExampleFeeds.resources(feed).entrySet()) {
        if (!"table".equals(e.getValue().path("type").asString())) {
          continue;
        }
        String path = e.getKey();
        tests.add(DynamicTest.dynamicTest(feed.getFileName() + "/" + path, () -> {
          String schemaFile = rowSchemaOf(path);
          Schema schema = schema(schemaFile);
          Set<String> numeric = numericProperties(schemaFile);
          ExampleFeeds.Table table = ExampleFeeds.readCsv(feed.resolve(path));

          List<String> declared = e.getValue().path("schema").path("fields").valueStream()
              .map(f -> f.path("name").asString()).toList();
          assertThat(table.header()).as("the Table Schema of %s lists its columns in order", path)
              .containsExactlyElementsOf(declared);
          assertThat(table.rows()).as("rows of %s", path).isNotEmpty();

          List<String> problems = new ArrayList<>();
          for (ExampleFeeds.Row row : table.rows()) {
            for (String error : describe(schema.validate(asJson(row, numeric)))) {
              problems.add(path + " row " + row.row() + " " + error);
            }
          }
          assertThat(problems).as("rows of %s against %s", path, schemaFile).isEmpty();
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> observationsUseDefinedIndicators() {
    return ExampleFeeds.feeds().stream().map(feed -> DynamicTest.dynamicTest(
        feed.getFileName().toString(), () -> {
          Set<String> defined = new HashSet<>();
          ExampleFeeds.readJson(feed.resolve("indicators.json")).path("indicators").valueStream()
              .forEach(i -> defined.add(i.path("id").asString()));
          Set<String> used = new HashSet<>();
          ExampleFeeds.readCsv(feed.resolve("observations.csv")).rows()
              .forEach(r -> used.add(r.get("indicator")));
          assertThat(defined).as("indicators of %s: every one used, none missing", feed)
              .containsExactlyInAnyOrderElementsOf(used);
        }));
  }

  /**
   * Every equivalentTo names an indicator of the core catalogue with the same unit and polarity:
   * that is what makes the example comparable with other places' feeds.
   */
  @TestFactory
  Stream<DynamicTest> equivalentToNamesACatalogueIndicatorOfTheSameUnit() throws java.io.IOException {
    Map<String, JsonNode> catalogue = new java.util.HashMap<>();
    try (java.io.InputStream in = SchemaConformanceTest.class.getResourceAsStream(
        "/org/civicequity/schema/catalogue/indicators.json")) {
      assertThat(in).as("the core catalogue is in the schema jar").isNotNull();
      ExampleFeeds.JSON.readTree(in).path("indicators").valueStream()
          .forEach(i -> catalogue.put(i.path("id").asString(), i));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path feed : ExampleFeeds.feeds()) {
      ExampleFeeds.readJson(feed.resolve("indicators.json")).path("indicators").valueStream()
          .forEach(indicator -> tests.add(DynamicTest.dynamicTest(
              feed.getFileName() + "/" + indicator.path("id").asString(), () -> {
                String target = indicator.path("equivalentTo").asString();
                assertThat(catalogue).as("catalogue indicator %s", target).containsKey(target);
                JsonNode core = catalogue.get(target);
                assertThat(indicator.path("unit").asString()).isEqualTo(core.path("unit").asString());
                assertThat(indicator.path("polarity").asString())
                    .isEqualTo(core.path("polarity").asString());
              })));
    }
    return tests.stream();
  }
}
