package org.civicequity.core.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Converts between JSON trees and plain immutable Java values (String, Long, Double, Boolean,
 * List, Map with insertion order), the form in which records keep open-ended JSON members such as
 * codelist attributes and {@code x-} extensions.
 */
public final class JsonValues {
  private JsonValues() {
  }

  /**
   * Converts a JSON value. Object members whose value is null are dropped; null array elements
   * are kept as null is not allowed in immutable lists, so they are dropped too.
   *
   * @param node a JSON value, may be null
   * @return String, Long, Double, Boolean, an unmodifiable List or Map, or null for JSON null
   */
  public static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode e : node) {
        Object v = toJava(e);
        if (v != null) {
          list.add(v);
        }
      }
      return Collections.unmodifiableList(list);
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Object v = toJava(e.getValue());
      if (v != null) {
        map.put(e.getKey(), v);
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Copies a map of plain values into an unmodifiable map that keeps its order, converting
   * nested collections too.
   *
   * @param values a map, may be null
   * @return an unmodifiable copy (empty for null)
   * @throws IllegalArgumentException if a value is not a plain JSON value
   */
  public static Map<String, Object> copyMap(Map<String, ?> values) {
    if (values == null || values.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      if (e.getValue() != null) {
        map.put(e.getKey(), copy(e.getValue()));
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object copy(Object v) {
    if (v instanceof String || v instanceof Boolean || v instanceof Long
        || v instanceof Integer || v instanceof Double) {
      return v;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() != null) {
          map.put(String.valueOf(e.getKey()), copy(e.getValue()));
        }
      }
      return Collections.unmodifiableMap(map);
    }
    if (v instanceof List<?> l) {
      List<Object> list = new ArrayList<>();
      for (Object o : l) {
        if (o != null) {
          list.add(copy(o));
        }
      }
      return Collections.unmodifiableList(list);
    }
    throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
  }

  /**
   * Writes a plain value with a generator.
   *
   * @param g the generator
   * @param v a value made by {@link #toJava(JsonNode)} or {@link #copyMap(Map)}
   */
  public static void write(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Number n) {
      g.writeNumber(org.civicequity.core.Numbers.format(n.doubleValue()));
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName(String.valueOf(e.getKey()));
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object o : l) {
        write(g, o);
      }
      g.writeEndArray();
    } else {
      g.writeString(v.toString());
    }
  }
}
