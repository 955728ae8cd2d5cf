package org.civicequity.validate.internal.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicequity.core.Code;
import org.civicequity.core.Codelist;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The codelists of the standard, read once from the schema jar
 * ({@code org/civicequity/schema/codelists/<id>.json}).
 */
public final class StandardCodelists {
  /** The codelist ids of the standard (docs/architecture.md). */
  public static final List<String> IDS = List.of("race-ethnicity", "sex", "age-band",
      "income-band", "disability", "nativity", "geo-level", "unit", "domain", "polarity",
      "status", "suppression-reason");

  private static final Map<String, Codelist> ALL = load();

  private StandardCodelists() {
  }

  /**
   * Every codelist by id.
   *
   * @return the codelists, loaded once
   */
  public static Map<String, Codelist> all() {
    return ALL;
  }

  private static Map<String, Codelist> load() {
    JsonMapper mapper = JsonMapper.builder().build();
    Map<String, Codelist> m = new LinkedHashMap<>();
    for (String id : IDS) {
      String res = "org/civicequity/schema/codelists/" + id + ".json";
      try (InputStream in = StandardCodelists.class.getClassLoader().getResourceAsStream(res)) {
        if (in == null) {
          throw new IllegalStateException("the schema jar has no " + res);
        }
        m.put(id, parse(mapper.readTree(in)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + res, e);
      }
    }
    return Map.copyOf(m);
  }

  static Codelist parse(JsonNode n) {
    List<Code> codes = new ArrayList<>();
    for (JsonNode c : n.path("codes")) {
      List<String> replacedBy = new ArrayList<>();
      for (JsonNode r : c.path("replacedBy")) {
        replacedBy.add(r.asString());
      }
      Map<String, Object> attrs = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> a : c.path("attributes").properties()) {
        JsonNode v = a.getValue();
        if (v.isNumber()) {
          attrs.put(a.getKey(), v.numberValue());
        } else if (v.isArray()) {
          List<String> items = new ArrayList<>();
          v.forEach(x -> items.add(x.asString()));
          attrs.put(a.getKey(), List.copyOf(items));
        } else if (!v.isNull()) {
          attrs.put(a.getKey(), v.asString());
        }
      }
      codes.add(new Code(c.path("code").asString(), text(c, "label"), text(c, "definition"),
          c.path("deprecated").asBoolean(false), replacedBy, attrs));
    }
    return new Codelist(n.path("id").asString(), text(n, "name"), text(n, "description"),
        text(n, "pattern"), codes);
  }

  private static String text(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v == null || v.isNull() ? null : v.asString();
  }
}
