package org.civicequity.validate.internal.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.civicequity.core.Observation;
import org.civicequity.core.SourceLocation;

/**
 * Builds observations field by field without a builder, with the same semantics as the SDK's
 * readers: for text input an empty cell is absent, numbers are parsed by {@link Numbers#parse}
 * and kept as text in {@code unparsed} when they are not numbers, unknown names go to
 * {@code extra}. Not thread-safe: one per worker, reused row after row.
 */
final class FastObservations {
  static final int INDICATOR = 0;
  static final int GEO_LEVEL = 1;
  static final int GEO_ID = 2;
  static final int GEO_NAME = 3;
  static final int PERIOD = 4;
  static final int RACE = 5;
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
  /** Slots of the per-field intern table (a power of two). */
  private static final int INTERN = 64;

  private final String[] text = new String[19];
  private final Double[] numbers = new Double[19];
  /** Recently seen values per text field, so repeated values share one instance. */
  private final String[][] recent = new String[19][16];
  /** Per text field, recently decoded byte sequences and their text, by hash. */
  private final byte[][][] internKeys = new byte[19][INTERN][];
  private final String[][] internValues = new String[19][INTERN];
  private Map<String, String> unparsed;
  private Map<String, String> extra;

  /**
   * The index of a field of the standard in {@link Observation#FIELDS}.
   *
   * @param name a field name
   * @return the index, or -1 for a name outside the standard
   */
  static int index(String name) {
    return switch (name) {
      case "indicator" -> INDICATOR;
      case "geoLevel" -> GEO_LEVEL;
      case "geoId" -> GEO_ID;
      case "geoName" -> GEO_NAME;
      case "period" -> PERIOD;
      case "raceEthnicity" -> RACE;
      case "sex" -> SEX;
      case "age" -> AGE;
      case "income" -> INCOME;
      case "disability" -> DISABILITY;
      case "nativity" -> NATIVITY;
      case "value" -> VALUE;
      case "moe" -> MOE;
      case "lower" -> LOWER;
      case "upper" -> UPPER;
      case "numerator" -> NUMERATOR;
      case "denominator" -> DENOMINATOR;
      case "status" -> STATUS;
      case "note" -> NOTE;
      default -> -1;
    };
  }

  static boolean numeric(int index) {
    return index >= VALUE && index <= DENOMINATOR;
  }

  /** Sets a field from a CSV cell (empty means absent). */
  void cell(int index, String name, String s) {
    if (s.isEmpty()) {
      return;
    }
    if (index < 0) {
      extra(name, s);
    } else if (numeric(index)) {
      Double d = FastNumbers.parse(s);
      if (d == null) {
        unparsed(name, s);
      } else {
        numbers[index] = d;
      }
    } else {
      text[index] = shared(index, s);
    }
  }

  /**
   * Sets a field from a CSV cell given as bytes {@code d[from..to)} (empty means absent), with
   * the semantics of {@link #cell(int, String, String)}. Repeated text values are looked up by
   * their bytes, so they are decoded and hashed once.
   *
   * @param ascii whether the bytes are all ASCII (else they are decoded as UTF-8)
   */
  void cell(int index, String name, byte[] d, int from, int to, boolean ascii) {
    if (from == to) {
      return;
    }
    if (index >= 0 && numeric(index)) {
      double v = ascii ? FastNumbers.parse(d, from, to) : Double.NaN;
      if (v == v) {
        numbers[index] = v;
      } else {
        cell(index, name, decode(d, from, to, ascii));
      }
    } else if (index < 0 || index == NOTE || index == GEO_NAME || to - from > 64) {
      cell(index, name, decode(d, from, to, ascii));
    } else {
      text[index] = intern(index, d, from, to, ascii);
    }
  }

  /**
   * Sets a text field from a JSON string given as characters (the parser's buffer), looking
   * repeated values up by their characters, so they are neither copied nor hashed again.
   */
  void text(int index, char[] c, int off, int len) {
    if (len == 0 || len > 64 || index == NOTE || index == GEO_NAME) {
      text[index] = new String(c, off, len);
      return;
    }
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + c[i];
    }
    int slot = (h ^ (h >>> 7)) & (INTERN - 1);
    String old = internValues[index][slot];
    if (old != null && old.length() == len && sameChars(old, c, off)) {
      text[index] = old;
      return;
    }
    String s = new String(c, off, len);
    internKeys[index][slot] = null;
    internValues[index][slot] = s;
    text[index] = s;
  }

  private static boolean sameChars(String s, char[] c, int off) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) != c[off + i]) {
        return false;
      }
    }
    return true;
  }

  private static String decode(byte[] d, int from, int to, boolean ascii) {
    return new String(d, from, to - from,
        ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  private String intern(int index, byte[] d, int from, int to, boolean ascii) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + d[i];
    }
    int slot = (h ^ (h >>> 7)) & (INTERN - 1);
    byte[] key = internKeys[index][slot];
    if (key != null && key.length == to - from && Arrays.equals(key, 0, key.length, d, from, to)) {
      return internValues[index][slot];
    }
    String s = decode(d, from, to, ascii);
    internKeys[index][slot] = Arrays.copyOfRange(d, from, to);
    internValues[index][slot] = s;
    return s;
  }

  void text(int index, String s) {
    text[index] = shared(index, s);
  }

  /**
   * An earlier instance equal to {@code s} when there is one (values such as the indicator,
   * level, period and codes repeat row after row): later look-ups then hit a cached hash code
   * and an identity check, and keyed rules recognise a repeated key by identity.
   */
  private String shared(int index, String s) {
    int n = s.length();
    if (n == 0 || n > 64 || index == NOTE || index == GEO_NAME) {
      return s;
    }
    String[] r = recent[index];
    int slot = (n * 31 + s.charAt(0) * 7 + s.charAt(n - 1)) & 15;
    String old = r[slot];
    if (old != null && old.equals(s)) {
      return old;
    }
    r[slot] = s;
    return s;
  }

  void number(int index, double d) {
    numbers[index] = d;
  }

  void unparsed(String name, String s) {
    if (unparsed == null) {
      unparsed = new HashMap<>(4);
    }
    unparsed.put(name, s);
  }

  void extra(String name, String s) {
    if (extra == null) {
      extra = new HashMap<>(4);
    }
    extra.put(name, s);
  }

  /** Builds the observation and clears the fields for the next row. */
  Observation build(SourceLocation at) {
    String[] t = text;
    Double[] n = numbers;
    Observation o = new Observation(t[INDICATOR], t[GEO_LEVEL], t[GEO_ID], t[GEO_NAME], t[PERIOD],
        t[RACE], t[SEX], t[AGE], t[INCOME], t[DISABILITY], t[NATIVITY], n[VALUE], n[MOE],
        n[LOWER], n[UPPER], n[NUMERATOR], n[DENOMINATOR], t[STATUS], t[NOTE], unparsed, extra, at);
    java.util.Arrays.fill(t, null);
    java.util.Arrays.fill(n, null);
    unparsed = null;
    extra = null;
    return o;
  }
}
