package org.civicequity.validate.internal.input;

import java.util.ArrayList;
import java.util.List;
import org.civicequity.core.Indicator;
import org.civicequity.core.IndicatorSource;
import org.civicequity.core.SourceLocation;
import tools.jackson.databind.JsonNode;

/**
 * Indicator definitions from an {@code indicators.json} tree. Lenient: members of the wrong type
 * are read as absent (the schema check has reported them), so that validation of observations
 * can go on.
 */
final class IndicatorJson {
  private IndicatorJson() {
  }

  static List<Indicator> read(JsonNode doc, String file) {
    List<Indicator> out = new ArrayList<>();
    JsonNode list = doc.path("indicators");
    for (int i = 0; i < list.size(); i++) {
      JsonNode n = list.get(i);
      if (!n.isObject()) {
        continue;
      }
      JsonNode s = n.path("source");
      IndicatorSource source = s.isObject() ? new IndicatorSource(str(s, "name"),
          str(s, "table"), str(s, "vintage"), str(s, "url")) : null;
      JsonNode cl = n.get("confidenceLevel");
      Double level = cl != null && cl.isNumber() && cl.asDouble() > 0 && cl.asDouble() < 1
          ? cl.asDouble() : null;
      out.add(new Indicator(str(n, "id"), str(n, "name"), str(n, "description"),
          str(n, "domain"), str(n, "unit"), str(n, "polarity"), str(n, "numerator"),
          str(n, "denominator"), str(n, "universe"), source, str(n, "methodology"), level,
          str(n, "equivalentTo"), new SourceLocation(file, 0, 0, null, "/indicators/" + i)));
    }
    return out;
  }

  private static String str(JsonNode n, String name) {
    JsonNode v = n.get(name);
    return v != null && v.isString() ? v.asString() : null;
  }
}
