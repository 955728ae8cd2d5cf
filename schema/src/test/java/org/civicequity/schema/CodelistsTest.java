package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/** The codelists: their shape, their generated schema, and the invariants the standard promises. */
class CodelistsTest {

  private static Set<String> codes(String id) {
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode c : StandardSchemas.codelist(id).get("codes")) {
      out.add(c.get("code").asString());
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCodelistIsValidAndConsistent() {
    Schema shape = StandardSchemas.schema("codelist.schema.json");
    return StandardSchemas.CODELIST_IDS.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
      JsonNode list = StandardSchemas.codelist(id);
      assertThat(shape.validate(list)).isEmpty();
      assertThat(list.get("id").asString()).isEqualTo(id);
      Set<String> seen = new HashSet<>();
      Pattern pattern = list.path("pattern").isString() ? Pattern.compile(list.get("pattern").asString()) : null;
      for (JsonNode c : list.get("codes")) {
        String code = c.get("code").asString();
        assertThat(seen.add(code)).as("unique code " + code).isTrue();
        if (pattern != null) {
          assertThat(pattern.matcher(code).matches()).as(code + " matches the list's pattern").isTrue();
        }
        for (JsonNode r : c.path("replacedBy")) {
          assertThat(codes(id)).as("replacedBy of " + code).contains(r.asString());
          assertThat(c.path("deprecated").asBoolean()).as(code + " has replacedBy, so it is deprecated").isTrue();
        }
      }
    }));
  }

  @Test
  void codesSchemaHasOneDefinitionPerCodelistWithItsCodes() {
    JsonNode defs = StandardSchemas.document(StandardSchemas.ID_PREFIX + "codes.schema.json").get("$defs");
    assertThat(defs.propertyNames()).containsExactlyInAnyOrderElementsOf(StandardSchemas.CODELIST_IDS);
    for (String id : StandardSchemas.CODELIST_IDS) {
      JsonNode def = defs.get(id);
      JsonNode en = def.has("enum") ? def.get("enum") : def.get("anyOf").get(0).get("enum");
      List<String> listed = new ArrayList<>();
      en.forEach(n -> listed.add(n.asString()));
      assertThat(listed).as(id).containsExactlyElementsOf(codes(id));
    }
    Schema age = StandardSchemas.registry().getSchema(
        com.networknt.schema.SchemaLocation.of(StandardSchemas.ID_PREFIX + "codes.schema.json#/$defs/age-band"));
    assertThat(age.validate(StandardSchemas.MAPPER.readTree("\"40-49\""))).isEmpty();
    assertThat(age.validate(StandardSchemas.MAPPER.readTree("\"forty\""))).isNotEmpty();
  }

  @Test
  void raceEthnicityFollowsSpd15() {
    Map<String, JsonNode> byCode = new TreeMap<>();
    StandardSchemas.codelist("race-ethnicity").get("codes").forEach(c -> byCode.put(c.get("code").asString(), c));
    for (String g : List.of("aian", "asian", "black", "hispanic", "mena", "nhpi", "white")) {
      assertThat(byCode).containsKeys(g + "-alone", g + "-aoic");
      if (!g.equals("hispanic") && !g.equals("mena")) {
        assertThat(byCode).containsKey(g + "-alone-nh");
      }
    }
    assertThat(byCode).doesNotContainKeys("hispanic-alone-nh", "mena-alone-nh", "all");
    assertThat(byCode).containsKeys("multiracial", "multiracial-nh", "people-of-color",
        "some-other-race", "api", "white-alone-incl-mena");
    Set<String> tabulations = Set.of("alone", "aoic", "nh", "composite", "combined");
    for (JsonNode c : byCode.values()) {
      String code = c.get("code").asString();
      assertThat(c.path("attributes").path("tabulation").asString("")).as(code).isIn(tabulations);
      assertThat(c.path("attributes").path("group").asString("")).as(code).isNotEmpty();
      for (JsonNode r : c.path("replacedBy")) {
        assertThat(r.asString()).as("deprecated " + code + " never maps onto MENA").doesNotStartWith("mena");
      }
      for (String key : List.of("members", "excludes")) {
        for (JsonNode m : c.path("attributes").path(key)) {
          assertThat(byCode).as(code + " " + key).containsKey(m.asString());
        }
      }
      if (c.path("attributes").path("tabulation").asString().equals("composite")) {
        assertThat(c.path("attributes").has("members") || c.path("attributes").has("excludes")).as(code).isTrue();
      }
    }
    assertThat(byCode.get("people-of-color").path("attributes").path("excludes").get(0).asString())
        .isEqualTo("white-alone-nh");
    for (String old : List.of("some-other-race", "api", "white-alone-incl-mena")) {
      assertThat(byCode.get(old).path("deprecated").asBoolean()).as(old).isTrue();
    }
  }

  @Test
  void geoLevelPatternsAreTheOnesTheObservationSchemaChecks() {
    JsonNode rules = StandardSchemas.document(StandardSchemas.ID_PREFIX + "observation.schema.json")
        .at("/$defs/geoIdMatchesLevel/allOf");
    Map<String, String> schemaPatterns = new TreeMap<>();
    for (JsonNode r : rules) {
      schemaPatterns.put(r.at("/if/properties/geoLevel/const").asString(), r.at("/then/properties/geoId/pattern").asString());
    }
    Map<String, String> listPatterns = new TreeMap<>();
    for (JsonNode c : StandardSchemas.codelist("geo-level").get("codes")) {
      JsonNode a = c.get("attributes");
      listPatterns.put(c.get("code").asString(), a.get("geoIdPattern").asString());
      if (a.has("geoIdLength")) {
        assertThat(a.get("geoIdPattern").asString()).isEqualTo("^[0-9]{" + a.get("geoIdLength").asInt() + "}$");
      }
    }
    assertThat(schemaPatterns).isEqualTo(listPatterns);
    Map<String, Integer> lengths = new TreeMap<>();
    StandardSchemas.codelist("geo-level").get("codes").forEach(c -> {
      if (c.get("attributes").has("geoIdLength")) {
        lengths.put(c.get("code").asString(), c.get("attributes").get("geoIdLength").asInt());
      }
    });
    assertThat(lengths).containsExactlyInAnyOrderEntriesOf(Map.of("nation", 1, "state", 2, "county", 5,
        "county-subdivision", 10, "place", 7, "tract", 11, "block-group", 12, "zcta", 5));
  }

  @Test
  void unitsHaveTheirRanges() {
    Map<String, JsonNode> units = new TreeMap<>();
    StandardSchemas.codelist("unit").get("codes").forEach(c -> units.put(c.get("code").asString(), c.get("attributes")));
    assertThat(units.keySet()).contains("percent", "proportion", "rate-per-1000", "rate-per-100000", "count",
        "currency-usd", "index", "ratio", "years", "minutes");
    assertThat(units.get("percent").get("minimum").asInt()).isZero();
    assertThat(units.get("percent").get("maximum").asInt()).isEqualTo(100);
    assertThat(units.get("percent").get("scale").asInt()).isEqualTo(100);
    assertThat(units.get("proportion").get("maximum").asInt()).isEqualTo(1);
    assertThat(units.get("rate-per-1000").get("scale").asInt()).isEqualTo(1000);
    assertThat(units.get("rate-per-100000").get("scale").asInt()).isEqualTo(100000);
    assertThat(units.get("currency-usd").has("minimum")).isFalse();
  }
}
