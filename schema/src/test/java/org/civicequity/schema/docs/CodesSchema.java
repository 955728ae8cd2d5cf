package org.civicequity.schema.docs;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@code codes.schema.json} from the codelists: one {@code $defs} entry per codelist,
 * named by the codelist id. A closed list is an {@code enum} of its codes (deprecated codes
 * included: they stay valid). An open list (one with a {@code pattern}) accepts a listed code or
 * any string matching the pattern, and carries {@code x-code: UNKNOWN_CODE} so that its failure
 * maps to the same code as a closed list's {@code enum}.
 */
final class CodesSchema {
  static final String ID = "https://civicequity.org/schema/1.0/codes.schema.json";

  private CodesSchema() {
  }

  /**
   * Builds the schema.
   *
   * @param mapper    the mapper that makes nodes
   * @param codelists the codelists, in the order their definitions appear
   * @return the schema document
   */
  static ObjectNode build(JsonMapper mapper, List<JsonNode> codelists) {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", ID);
    root.put("title", "Codes");
    root.put("description", "GENERATED from schema/codelists/*.json by org.civicequity.schema.docs.DocsGenerator "
        + "(run `mvn -pl schema test -Dregenerate=true`); do not edit. One definition per codelist, named by its id: "
        + "the codes it lists, deprecated codes included (they are valid; validators report DEPRECATED_CODE). "
        + "An open list also accepts any code matching its pattern.");
    ObjectNode defs = root.putObject("$defs");
    for (JsonNode list : codelists) {
      String id = list.get("id").asString();
      ObjectNode def = defs.putObject(id);
      def.put("title", list.get("name").asString());
      def.put("description", "The codes of codelist " + id + " (codelists/" + id + ".json).");
      ArrayNode codes = mapper.createArrayNode();
      for (JsonNode c : list.get("codes")) {
        codes.add(c.get("code").asString());
      }
      JsonNode pattern = list.get("pattern");
      if (pattern != null && pattern.isString()) {
        def.put("x-code", "UNKNOWN_CODE");
        ArrayNode anyOf = def.putArray("anyOf");
        anyOf.addObject().set("enum", codes);
        anyOf.addObject().put("type", "string").put("pattern", pattern.asString());
      } else {
        def.set("enum", codes);
      }
    }
    return root;
  }
}
