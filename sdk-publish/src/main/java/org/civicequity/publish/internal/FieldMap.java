package org.civicequity.publish.internal;

import java.util.Map;
import java.util.function.BiConsumer;
import org.civicequity.core.Observation;

/**
 * A small map from the standard's field names to values, kept in an array indexed by the
 * field's position in {@link Observation#FIELDS}: conversion fills one per observation, so it
 * must cost less than a hash map.
 *
 * @param <V> the value type
 */
final class FieldMap<V> {
  static {
    if (Observation.FIELDS.size() != FieldMap.SIZE) {
      throw new IllegalStateException("FieldMap is out of date with Observation.FIELDS");
    }
    for (int i = 0; i < Observation.FIELDS.size(); i++) {
      if (index(Observation.FIELDS.get(i)) != i) {
        throw new IllegalStateException("FieldMap is out of date with Observation.FIELDS");
      }
    }
  }

  /** The number of fields. */
  static final int SIZE = 19;
  static final int INDICATOR = 0;
  static final int GEO_LEVEL = 1;
  static final int GEO_ID = 2;
  static final int GEO_NAME = 3;
  static final int PERIOD = 4;
  static final int RACE_ETHNICITY = 5;
  static final int SEX = 6;
  static final int AGE = 7;
  static final int INCOME = 8;
  static final int DISABILITY = 9;
  static final int NATIVITY = 10;
  static final int VALUE = 11;
  static final int MOE = 12;
  static final int LOWER = 13;
  static final int UPPER = 14;
  static final int NUMERATOR = 15;
  static final int DENOMINATOR = 16;
  static final int STATUS = 17;
  static final int NOTE = 18;

  private final Object[] values = new Object[SIZE];

  static int index(String field) {
    // a switch is cheaper than a map look-up on this path (several calls per converted row);
    // the static block checks that it follows Observation.FIELDS
    return switch (field) {
      case "indicator" -> 0;
      case "geoLevel" -> 1;
      case "geoId" -> 2;
      case "geoName" -> 3;
      case "period" -> 4;
      case "raceEthnicity" -> 5;
      case "sex" -> 6;
      case "age" -> 7;
      case "income" -> 8;
      case "disability" -> 9;
      case "nativity" -> 10;
      case "value" -> 11;
      case "moe" -> 12;
      case "lower" -> 13;
      case "upper" -> 14;
      case "numerator" -> 15;
      case "denominator" -> 16;
      case "status" -> 17;
      case "note" -> 18;
      default -> throw new IllegalArgumentException("not a field of the standard: " + field);
    };
  }

  @SuppressWarnings("unchecked")
  V get(String field) {
    return (V) values[index(field)];
  }

  @SuppressWarnings("unchecked")
  V get(int i) {
    return (V) values[i];
  }

  V getOrDefault(String field, V dflt) {
    V v = get(field);
    return v == null ? dflt : v;
  }

  V getOrDefault(int field, V dflt) {
    V v = get(field);
    return v == null ? dflt : v;
  }

  boolean containsKey(String field) {
    return values[index(field)] != null;
  }

  boolean containsKey(int field) {
    return values[field] != null;
  }

  void put(String field, V value) {
    values[index(field)] = value;
  }

  void put(int field, V value) {
    values[field] = value;
  }

  void putIfAbsent(int field, V value) {
    if (values[field] == null) {
      values[field] = value;
    }
  }

  /** Removes every value. */
  void clear() {
    java.util.Arrays.fill(values, null);
  }

  /**
   * Whether this map holds the values of an earlier {@link #key()} (as an array).
   *
   * @param other the values
   * @return true when equal
   */
  boolean sameAs(Object[] other) {
    return java.util.Arrays.equals(values, other);
  }

  void putIfAbsent(String field, V value) {
    int i = index(field);
    if (values[i] == null) {
      values[i] = value;
    }
  }

  void putAll(Map<String, ? extends V> m) {
    m.forEach(this::put);
  }

  void putAll(FieldMap<? extends V> m) {
    for (int i = 0; i < values.length; i++) {
      if (m.values[i] != null) {
        values[i] = m.values[i];
      }
    }
  }

  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<String, V> action) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        action.accept(Observation.FIELDS.get(i), (V) values[i]);
      }
    }
  }

  /** @return the values as a list key (for interning maps with the same content) */
  java.util.List<Object> key() {
    return java.util.Arrays.asList(values.clone());
  }
}
