package org.civicequity.core.io;

import java.util.Map;
import java.util.TreeMap;
import org.civicequity.core.Observation;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An observation as the JSON object the schema validates, typed as the standard says: numeric
 * fields as JSON numbers, other fields as strings, absent fields left out. Values the reader
 * could not convert ({@link Observation#unparsed()}) and extra fields are strings, as they would
 * be in a CSV cell, so that running {@code observation.schema.json} on the result checks a CSV
 * row exactly as the standard defines it (cells typed per the schema).
 */
public final class ObservationJson {
  private ObservationJson() {
  }

  /**
   * Converts an observation.
   *
   * @param o the observation
   * @return a new JSON object with the standard fields in canonical order, then the others
   *         sorted by name
   */
  public static ObjectNode toJson(Observation o) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    for (String f : Observation.FIELDS) {
      if (Observation.NUMERIC_FIELDS.contains(f) && o.number(f) != null) {
        double d = o.number(f);
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
          n.put(f, (long) d);
        } else {
          n.put(f, d);
        }
        continue;
      }
      String s = o.text(f);
      if (s == null) {
        s = o.unparsed().get(f);
      }
      if (s != null) {
        n.put(f, s);
      }
    }
    Map<String, String> others = new TreeMap<>(o.extra());
    for (Map.Entry<String, String> e : o.unparsed().entrySet()) {
      if (!Observation.FIELDS.contains(e.getKey())) {
        others.put(e.getKey(), e.getValue());
      }
    }
    others.forEach(n::put);
    return n;
  }
}
