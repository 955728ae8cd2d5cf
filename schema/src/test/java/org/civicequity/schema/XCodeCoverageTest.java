package org.civicequity.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The x-code mapping of the observation schema is unambiguous: every assertion keyword that can
 * fail is either one of the keywords with a default code (required, additionalProperties, type,
 * enum, const) or sits inside a subschema with an x-code, in observation.schema.json and in the
 * codes.schema.json definitions it uses.
 */
class XCodeCoverageTest {
  /** Keywords that assert something about the instance (draft 2020-12 validation vocabulary and applicators that fail). */
  private static final Set<String> ASSERTIONS = Set.of(
      "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
      "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
      "dependentRequired", "not", "anyOf", "oneOf", "format", "contains", "propertyNames");
  private static final Set<String> DEFAULT_CODED = Set.of("required", "additionalProperties", "type", "enum", "const");
  private static final Set<String> SUBSCHEMA_KEYWORDS = Set.of("if", "then", "else", "not", "items", "contains",
      "additionalProperties", "propertyNames", "unevaluatedProperties", "unevaluatedItems");
  private static final Set<String> SUBSCHEMA_MAPS = Set.of("properties", "patternProperties", "$defs", "dependentSchemas");
  private static final Set<String> SUBSCHEMA_ARRAYS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");

  /**
   * The x-code values used in a schema document.
   *
   * @param doc a schema document
   * @return the codes
   */
  static Set<String> xCodes(JsonNode doc) {
    Set<String> out = new TreeSet<>();
    collect(doc, out);
    return out;
  }

  private static void collect(JsonNode n, Set<String> out) {
    if (n.isObject() && n.has("x-code")) {
      out.add(n.get("x-code").asString());
    }
    for (JsonNode v : n.values()) {
      collect(v, out);
    }
  }

  @Test
  void everyFailingKeywordOfTheObservationSchemaHasACode() {
    List<String> uncoded = new ArrayList<>();
    check(doc("observation.schema.json"), "observation.schema.json#", false, false, uncoded);
    check(doc("codes.schema.json"), "codes.schema.json#", false, false, uncoded);
    assertThat(uncoded).as("assertions without an x-code (they would map to SCHEMA_VIOLATION)").isEmpty();
  }

  @Test
  void observationSchemaUsesTheDocumentedCodes() {
    assertThat(xCodes(doc("observation.schema.json"))).containsExactlyInAnyOrder(
        "GEOID_LENGTH_MISMATCH", "PERIOD_INVALID", "INVALID_ID", "NEGATIVE_MOE",
        "VALUE_WITHOUT_STATUS_MISSING", "SUPPRESSED_VALUE_PRESENT", "REQUIRED_FIELD_MISSING");
    assertThat(xCodes(doc("codes.schema.json"))).containsOnly("UNKNOWN_CODE");
  }

  private static JsonNode doc(String file) {
    return StandardSchemas.document(StandardSchemas.ID_PREFIX + file);
  }

  /**
   * Walks a schema. {@code coded}: an enclosing subschema has an x-code; {@code inIf}: inside an
   * {@code if}, whose failures are never reported.
   */
  private static void check(JsonNode s, String at, boolean coded, boolean inIf, List<String> uncoded) {
    if (!s.isObject()) {
      return;
    }
    boolean c = coded || s.has("x-code");
    for (Map.Entry<String, JsonNode> e : s.properties()) {
      String k = e.getKey();
      String here = at + "/" + k;
      if (!inIf && !c && ASSERTIONS.contains(k) && !DEFAULT_CODED.contains(k)) {
        uncoded.add(here);
      }
      if (SUBSCHEMA_KEYWORDS.contains(k)) {
        check(e.getValue(), here, c, inIf || k.equals("if") || k.equals("not"), uncoded);
      } else if (SUBSCHEMA_MAPS.contains(k)) {
        for (Map.Entry<String, JsonNode> m : e.getValue().properties()) {
          check(m.getValue(), here + "/" + m.getKey(), c, inIf, uncoded);
        }
      } else if (SUBSCHEMA_ARRAYS.contains(k)) {
        int i = 0;
        for (JsonNode m : e.getValue()) {
          check(m, here + "/" + i++, c, inIf, uncoded);
        }
      }
    }
  }
}
