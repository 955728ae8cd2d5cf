package org.civicequity.publish.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.civicequity.core.Code;
import org.civicequity.core.Codelist;
import org.civicequity.core.Codelists;

/**
 * The codelists conversion needs (geography levels with their GEOID lengths, units with their
 * scales, and the code sets of domains, polarities and statuses), from the standard's codelists
 * as sdk-core loads them ({@link Codelists#standard()}).
 */
public final class StandardLists {
  private static final Map<String, Map<String, Code>> LISTS = new java.util.concurrent.ConcurrentHashMap<>();

  private StandardLists() {
  }

  /**
   * The codes of a codelist.
   *
   * @param id the codelist id (e.g. {@code unit})
   * @return code to code, in the list's order; empty for an unknown list
   */
  public static Map<String, Code> codes(String id) {
    return LISTS.computeIfAbsent(id, k -> {
      Map<String, Code> out = new LinkedHashMap<>();
      Codelist list = Codelists.standard().find(k).orElse(null);
      if (list != null) {
        list.codes().forEach(c -> out.put(c.code(), c));
      }
      return Collections.unmodifiableMap(out);
    });
  }

  /**
   * Whether a code is listed.
   *
   * @param list the codelist id
   * @param code the code
   * @return true when listed
   */
  public static boolean has(String list, String code) {
    return code != null && codes(list).containsKey(code);
  }

  /**
   * The GEOID length of a geography level.
   *
   * @param level the level code
   * @return the length, or 0 when the level has none (custom) or is unknown
   */
  public static int geoIdLength(String level) {
    Code c = codes("geo-level").get(level);
    Double n = c == null ? null : c.number("geoIdLength");
    return n == null ? 0 : n.intValue();
  }

  /**
   * The scale of a unit (100 for percent, 1 for proportion, 1000 for rate-per-1000).
   *
   * @param unit the unit code
   * @return the scale, or null when the unit has none
   */
  public static Double scale(String unit) {
    Code c = codes("unit").get(unit);
    return c == null ? null : c.number("scale");
  }
}
