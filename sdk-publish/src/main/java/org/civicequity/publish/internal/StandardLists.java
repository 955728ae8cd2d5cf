package org.civicequity.publish.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The codelists of the standard that conversion needs (geography levels with their GEOID
 * lengths, units with their scales, and the code sets of domains, polarities and statuses),
 * read from the schema artifact's codelist files. Nothing here duplicates a codelist.
 */
public final class StandardLists {
  private static final String FOLDER = "org/civicequity/schema/codelists/";
  private static final Map<String, Map<String, JsonNode>> LISTS = new java.util.concurrent.ConcurrentHashMap<>();

  private StandardLists() {
  }

  /**
   * The codes of a codelist with their attributes.
   *
   * @param id the codelist id (e.g. {@code unit})
   * @return code to attributes node (possibly missing), in the list's order; empty when the list
   *     cannot be read
   */
  public static Map<String, JsonNode> codes(String id) {
    return LISTS.computeIfAbsent(id, StandardLists::read);
  }

  private static Map<String, JsonNode> read(String id) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try (InputStream in = StandardLists.class.getClassLoader().getResourceAsStream(FOLDER + id + ".json")) {
      if (in == null) {
        throw new IllegalStateException("the codelist " + id + " is missing from the classpath ("
            + FOLDER + id + ".json); is the civic-equity-schema artifact on the classpath?");
      }
      JsonNode root = MappingLoader.mapper().readTree(in);
      for (JsonNode c : root.path("codes")) {
        out.put(c.path("code").asString(), c.path("attributes"));
      }
    } catch (IOException | JacksonException e) {
      throw new IllegalStateException("cannot read the codelist " + id + ": " + e.getMessage(), e);
    }
    return Collections.unmodifiableMap(out);
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
    JsonNode a = codes("geo-level").get(level);
    return a == null ? 0 : a.path("geoIdLength").asInt(0);
  }

  /**
   * The scale of a unit (100 for percent, 1 for proportion, 1000 for rate-per-1000).
   *
   * @param unit the unit code
   * @return the scale, or null when the unit has none
   */
  public static Double scale(String unit) {
    JsonNode a = codes("unit").get(unit);
    return a == null || !a.path("scale").isNumber() ? null : a.path("scale").asDouble();
  }
}
