package org.civicequity.core.io.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicequity.core.internal.JsonValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Lenient access to members of a parsed JSON document: a member of the wrong type reads as
 * absent (the JSON Schema reports it), never as an exception.
 */
public final class JsonFields {
  private JsonFields() {
  }

  /**
   * A text member.
   *
   * @param n    an object (or anything)
   * @param name the member
   * @return its text, or null when absent or not text
   */
  public static String text(JsonNode n, String name) {
    JsonNode v = n == null ? null : n.get(name);
    return v != null && v.isString() ? v.asString() : null;
  }

  /**
   * A number member.
   *
   * @param n    an object
   * @param name the member
   * @return its value, or null when absent or not a number
   */
  public static Double number(JsonNode n, String name) {
    JsonNode v = n == null ? null : n.get(name);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  /**
   * An integer member.
   *
   * @param n    an object
   * @param name the member
   * @return its value, or null when absent or not an integral number that fits a long
   */
  public static Long integer(JsonNode n, String name) {
    JsonNode v = n == null ? null : n.get(name);
    return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.asLong() : null;
  }

  /**
   * A boolean member.
   *
   * @param n    an object
   * @param name the member
   * @return its value, or null when absent or not a boolean
   */
  public static Boolean bool(JsonNode n, String name) {
    JsonNode v = n == null ? null : n.get(name);
    return v != null && v.isBoolean() ? v.asBoolean() : null;
  }

  /**
   * A member that is an array of texts.
   *
   * @param n    an object
   * @param name the member
   * @return the texts (non-text elements skipped); empty when absent or not an array
   */
  public static List<String> texts(JsonNode n, String name) {
    JsonNode v = n == null ? null : n.get(name);
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      for (JsonNode e : v) {
        if (e.isString()) {
          out.add(e.asString());
        }
      }
    }
    return out;
  }

  /**
   * The object elements of an array member.
   *
   * @param n    an object
   * @param name the member
   * @return pairs of (index, element) for the elements that are objects
   */
  public static List<Map.Entry<Integer, JsonNode>> objects(JsonNode n, String name) {
    JsonNode v = n == null ? null : n.get(name);
    List<Map.Entry<Integer, JsonNode>> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        if (v.get(i).isObject()) {
          out.add(Map.entry(i, v.get(i)));
        }
      }
    }
    return out;
  }

  /**
   * The members of an object member, as plain values.
   *
   * @param n    an object
   * @param name the member
   * @return the plain map; empty when absent or not an object
   */
  public static Map<String, Object> map(JsonNode n, String name) {
    JsonNode v = n == null ? null : n.get(name);
    return v != null && v.isObject() ? plain(v) : Map.of();
  }

  /**
   * The members of an object other than the known ones, as plain values.
   *
   * @param n     an object
   * @param known the modelled member names
   * @return the others, in document order
   */
  public static Map<String, Object> others(JsonNode n, Set<String> known) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (!known.contains(e.getKey())) {
          Object v = JsonValues.toJava(e.getValue());
          if (v != null) {
            out.put(e.getKey(), v);
          }
        }
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(JsonNode v) {
    return (Map<String, Object>) JsonValues.toJava(v);
  }

  /**
   * Puts a text member when the value is not null.
   *
   * @param o     the object
   * @param name  the member
   * @param value the value, or null
   */
  public static void put(ObjectNode o, String name, String value) {
    if (value != null) {
      o.put(name, value);
    }
  }

  /**
   * Puts plain values as members.
   *
   * @param o      the object
   * @param values the members
   */
  public static void putAll(ObjectNode o, Map<String, Object> values) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      o.set(e.getKey(), tree(e.getValue()));
    }
  }

  /**
   * Converts a plain value to a tree.
   *
   * @param v a plain JSON value
   * @return the tree
   */
  public static JsonNode tree(Object v) {
    return org.civicequity.core.internal.JsonOutput.mapper().valueToTree(v);
  }
}
