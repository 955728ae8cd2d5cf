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
  private static final int SLOTS = 128;
  private static final ThreadLocal<FastObservations> PER_THREAD =
      ThreadLocal.withInitial(FastObservations::new);

  private final String[] text = new String[19];
  /**
   * Numbers as primitives: boxing happens in {@link #build}, straight into the new observation,
   * so no young {@code Double} is stored into this long-lived builder (each such store costs a
   * garbage-collector write barrier on its slow path).
   */
  private final double[] numbers = new double[19];
  /**
   * Per text field, recently seen values (two-way: a value lives in its even slot or the odd one
   * after it), with their bytes when they came from bytes: values such as the indicator, level,
   * period and codes repeat row after row, so they are decoded and hashed once, and later
   * look-ups in the rules hit a cached hash code and an identity check.
   */
  private final String[][] interned = new String[19][SLOTS];
  private final byte[][][] internedBytes = new byte[19][SLOTS][];
  private final int[][] internedHashes = new int[19][SLOTS];
  /** Which fields the current row has set (bit per field index). */
  private int set;
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

  /**
   * The builder of the calling thread, cleared: reused chunk after chunk, so its intern tables
   * stay warm.
   *
   * @return the builder
   */
  static FastObservations forThisThread() {
    FastObservations b = PER_THREAD.get();
    b.clear();
    return b;
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
        number(index, d);
      }
    } else {
      text(index, s);
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
        number(index, v);
      } else {
        cell(index, name, decode(d, from, to, ascii));
      }
    } else if (index < 0 || !internable(index, to - from)) {
      cell(index, name, decode(d, from, to, ascii));
    } else {
      String s = intern(index, d, from, to);
      if (s != null) {
        put(index, s);
      } else {
        text(index, decode(d, from, to, ascii));
      }
    }
  }

  /**
   * Sets a text field from a JSON string given as characters (the parser's buffer), looking
   * repeated values up by their characters, so they are neither copied nor hashed again.
   */
  void text(int index, char[] c, int off, int len) {
    if (!internable(index, len)) {
      put(index, new String(c, off, len));
      return;
    }
    int h = 0;
    for (int i = off, end = off + len; i < end; i++) {
      h = 31 * h + c[i];
    }
    int slot = slot(h);
    String[] v = interned[index];
    int[] hashes = internedHashes[index];
    for (int j = slot; j <= slot + 1; j++) {
      String old = v[j];
      if (old != null && hashes[j] == h && old.length() == len && sameChars(old, c, off)) {
        put(index, old);
        return;
      }
    }
    String s = new String(c, off, len);
    remember(index, slot, s, null);
    put(index, s);
  }

  private static boolean internable(int index, int length) {
    return length > 0 && length <= 64 && index != NOTE && index != GEO_NAME;
  }

  private static int slot(int h) {
    return (h ^ (h >>> 16) ^ (h >>> 7)) & (SLOTS - 2);
  }

  /** Puts a value in its even slot, moving the one there to the odd slot after it. */
  private void remember(int index, int slot, String s, byte[] bytes) {
    String[] v = interned[index];
    byte[][] k = internedBytes[index];
    int[] hashes = internedHashes[index];
    v[slot + 1] = v[slot];
    k[slot + 1] = k[slot];
    hashes[slot + 1] = hashes[slot];
    v[slot] = s;
    k[slot] = bytes;
    hashes[slot] = s.hashCode(); // computed once, also cached in the instance
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

  /** The interned text of ASCII bytes, or null when they are not all ASCII. */
  private String intern(int index, byte[] d, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      byte x = d[i];
      if (x < 0) {
        return null;
      }
      h = 31 * h + x;
    }
    return intern(index, d, from, to, h);
  }

  /** The interned text of ASCII bytes whose hash (as {@link String#hashCode}) is known. */
  private String intern(int index, byte[] d, int from, int to, int h) {
    int slot = slot(h);
    String[] v = interned[index];
    byte[][] k = internedBytes[index];
    int[] hashes = internedHashes[index];
    for (int j = slot; j <= slot + 1; j++) {
      byte[] key = k[j];
      if (key != null && hashes[j] == h && Arrays.equals(key, 0, key.length, d, from, to)) {
        return v[j];
      }
    }
    String s = new String(d, from, to - from, StandardCharsets.ISO_8859_1);
    remember(index, slot, s, Arrays.copyOfRange(d, from, to));
    return s;
  }

  /**
   * Sets a text field from non-empty ASCII bytes whose hash the caller computed while scanning
   * them (the JSON fast path), so the bytes are read once more only to compare.
   *
   * @return the text set
   */
  String asciiText(int index, byte[] d, int from, int to, int hash) {
    if (internable(index, to - from)) {
      String s = intern(index, d, from, to, hash);
      put(index, s);
      return s;
    }
    text(index, new String(d, from, to - from, StandardCharsets.ISO_8859_1));
    return text[index];
  }

  /**
   * Sets a text field to a value this builder gave the same field before (the previous row's
   * instance), without looking it up again.
   */
  void repeated(int index, String s) {
    put(index, s);
  }

  /** Sets a text field, sharing an earlier equal instance when there is one. */
  void text(int index, String s) {
    if (internable(index, s.length())) {
      int h = s.hashCode();
      int slot = slot(h);
      String[] v = interned[index];
      if (s.equals(v[slot])) {
        s = v[slot];
      } else if (s.equals(v[slot + 1])) {
        s = v[slot + 1];
      } else {
        remember(index, slot, s, null);
      }
    }
    put(index, s);
  }

  private void put(int index, String s) {
    text[index] = s;
    set |= 1 << index;
  }

  void number(int index, double d) {
    numbers[index] = d;
    set |= 1 << index;
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

  /**
   * Builds the observation and starts the next row. Fields the row did not set are read as
   * null through the {@code set} mask rather than cleared after each row (clearing stores into
   * reference arrays, which costs a garbage-collector barrier each).
   */
  Observation build(SourceLocation at) {
    Observation o = new Observation(t(INDICATOR), t(GEO_LEVEL), t(GEO_ID), t(GEO_NAME),
        t(PERIOD), t(RACE), t(SEX), t(AGE), t(INCOME), t(DISABILITY), t(NATIVITY), n(VALUE),
        n(MOE), n(LOWER), n(UPPER), n(NUMERATOR), n(DENOMINATOR), t(STATUS), t(NOTE), unparsed,
        extra, at);
    clear();
    return o;
  }

  private String t(int index) {
    return (set & (1 << index)) != 0 ? text[index] : null;
  }

  private Double n(int index) {
    return (set & (1 << index)) != 0 ? numbers[index] : null;
  }

  /** Forgets the fields of the current row. */
  void clear() {
    set = 0;
    unparsed = null;
    extra = null;
  }
}
