package org.civicequity.validate.internal.input;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.civicequity.core.SourceLocation;
import org.civicequity.core.io.ReadOptions;

/**
 * The first fast path for NDJSON chunks: lines that are flat objects in the plain shape every
 * writer produces ({@code {"indicator":"poverty-rate","value":12.5}}: member values that are
 * strings without escapes or numbers in JSON's grammar) are read straight from the chunk's bytes,
 * so repeated values are neither decoded nor hashed again. It declines (false) at the first
 * thing outside that shape (an escape, a control character, {@code null}, {@code true},
 * {@code false}, a nested value, a duplicate member, two objects on a line, a syntax error, an
 * over-long field or number); the caller then reads the chunk with {@link FastNdjson} (Jackson),
 * and failing that with the SDK's reader, which reports problems exactly. The shared test vectors
 * and the chunked-reading tests check that all three give the same observations. Thread-safe.
 */
final class FlatNdjson {
  private static final int MAX_MEMBERS = 1_000;
  private static final int MAX_NUMBER = 64;

  private FlatNdjson() {
  }

  /**
   * Parses a chunk of flat objects.
   *
   * @param c    the chunk
   * @param file the file name for locations
   * @param out  where observations go (cleared first)
   * @return true when the whole chunk was read; false when a slower path must read it
   */
  static boolean parse(Chunk c, String file, List<Object> out) {
    out.clear();
    if (c.longest() > ReadOptions.DEFAULT_MAX_ROW_BYTES) {
      return false;
    }
    boolean ascii = !ByteScan.hasHighBytes(c.data(), c.length());
    if (!ascii && !Utf8Scan.valid(c.data(), c.length())) {
      return false;
    }
    if (!new Reader(c.data(), c.length(), ascii).read(c, file, out)) {
      return false;
    }
    ChunkedFileSource.count(ChunkedFileSource.Path.NDJSON_FLAT);
    return true;
  }

  /** The cursor over one chunk. */
  private static final class Reader {
    private final byte[] d;
    private final int len;
    private final boolean ascii;
    private final FastObservations b = FastObservations.forThisThread();
    /** Member names by position and their field index, as the previous row had them. */
    private final byte[][] names = new byte[32][];
    private final String[] nameText = new String[32];
    private final int[] nameIndex = new int[32];
    /**
     * Per member position, where the previous row's text value lay in the chunk, its length and
     * the text it gave (length 0: none to reuse). Sorted feeds repeat the indicator, level,
     * period and GEOID row after row: a value equal to the previous row's is recognised by one
     * comparison of its bytes, neither scanned, hashed nor looked up again.
     */
    private final int[] prevStart = new int[32];
    private final int[] prevLength = new int[32];
    private final String[] prevText = new String[32];
    private final int[] prevIndex = new int[32];
    /** The text of the member name read last. */
    private String lastName;
    private int pos;

    Reader(byte[] d, int len, boolean ascii) {
      this.d = d;
      this.len = len;
      this.ascii = ascii;
    }

    boolean read(Chunk c, String file, List<Object> out) {
      long row = c.firstRow();
      long line = c.firstLine();
      while (pos < len) {
        spaces();
        if (pos < len && d[pos] == '\n') {
          pos++;
          line++;
          continue; // a blank line
        }
        if (pos >= len) {
          break;
        }
        if (!object()) {
          return false;
        }
        spaces();
        if (pos < len) {
          if (d[pos] != '\n') {
            return false; // something after the object on its line
          }
          pos++;
        }
        out.add(b.build(new SourceLocation(file, row++, line++, null, "")));
      }
      return true;
    }

    /** Skips JSON white space other than the line feed. */
    private void spaces() {
      while (pos < len) {
        byte x = d[pos];
        if (x != ' ' && x != '\t' && x != '\r') {
          return;
        }
        pos++;
      }
    }

    private boolean object() {
      if (d[pos] != '{') {
        return false;
      }
      pos++;
      spaces();
      if (pos < len && d[pos] == '}') {
        pos++;
        return true;
      }
      int seen = 0;
      Set<String> seenOther = null;
      for (int member = 0; ; member++) {
        if (member >= MAX_MEMBERS || pos >= len || d[pos] != '"') {
          return false;
        }
        int nameStart = ++pos;
        int index;
        byte[] expected = member < names.length ? names[member] : null;
        if (expected != null && ByteScan.startsWith(d, nameStart, len, expected)
            && nameStart + expected.length < len && d[nameStart + expected.length] == '"') {
          pos = nameStart + expected.length + 1; // the name the previous row had here
          lastName = nameText[member];
          index = nameIndex[member];
        } else {
          int nameEnd = stringEnd();
          if (nameEnd < 0) {
            return false;
          }
          index = nameIndex(member, nameStart, nameEnd);
        }
        String name = lastName;
        if (index >= 0) {
          if ((seen & (1 << index)) != 0) {
            return false;
          }
          seen |= 1 << index;
        } else {
          if (seenOther == null) {
            seenOther = new HashSet<>();
          }
          if (!seenOther.add(name)) {
            return false;
          }
        }
        spaces();
        if (pos >= len || d[pos] != ':') {
          return false;
        }
        pos++;
        spaces();
        if (pos >= len || !value(member, index, name)) {
          return false;
        }
        spaces();
        if (pos >= len) {
          return false;
        }
        byte x = d[pos++];
        if (x == '}') {
          return true;
        }
        if (x != ',') {
          return false;
        }
        spaces();
      }
    }

    /** The field index of the member name {@code d[from..to)}, remembered by position. */
    private int nameIndex(int member, int from, int to) {
      if (member < names.length) {
        names[member] = java.util.Arrays.copyOfRange(d, from, to);
        nameText[member] = text(from, to);
        nameIndex[member] = FastObservations.index(nameText[member]);
        lastName = nameText[member];
        return nameIndex[member];
      }
      lastName = text(from, to);
      return FastObservations.index(lastName);
    }

    /**
     * Moves past a string's closing quote.
     *
     * @return the index of the closing quote, or -1 for an escape, a control character or an
     *     unterminated string
     */
    private int stringEnd() {
      int i = ByteScan.stringStop(d, pos, len);
      if (i < len && d[i] == '"') {
        pos = i + 1;
        return i;
      }
      return -1;
    }

    private boolean value(int member, int index, String name) {
      byte x = d[pos];
      if (x == '"' && index >= 0 && !FastObservations.numeric(index)) {
        int from = ++pos;
        boolean remembered = member < prevLength.length;
        if (remembered) {
          int n = prevLength[member];
          if (n > 0 && from + n < len && d[from + n] == '"'
              && ByteScan.equal(d, prevStart[member], d, from, n)) {
            // the same bytes as the previous row's value here (which had no escape), so the
            // same text; the field index is checked because a row may order its members anew
            if (prevIndex[member] == index) {
              pos = from + n + 1;
              b.repeated(index, prevText[member]);
              return true;
            }
          }
          prevLength[member] = 0;
        }
        // a text field: scan, check and hash the bytes in one pass
        int h = 0;
        int high = 0;
        int i = from;
        while (i < len) {
          byte y = d[i];
          if (ByteScan.stopsString(y)) {
            break;
          }
          h = 31 * h + y;
          high |= y;
          i++;
        }
        if (i >= len || d[i] != '"' || i - from > ReadOptions.DEFAULT_MAX_FIELD_CHARS) {
          return false;
        }
        pos = i + 1;
        if (i == from) {
          b.text(index, ""); // an empty JSON string is present, unlike an empty CSV cell
        } else if (high >= 0) {
          String t = b.asciiText(index, d, from, i, h);
          if (remembered) {
            prevStart[member] = from;
            prevLength[member] = i - from;
            prevText[member] = t;
            prevIndex[member] = index;
          }
        } else {
          b.cell(index, name, d, from, i, false);
        }
        return true;
      }
      if (x == '"') {
        int from = ++pos;
        int to = stringEnd();
        if (to < 0 || to - from > ReadOptions.DEFAULT_MAX_FIELD_CHARS) {
          return false;
        }
        if (index < 0) {
          b.extra(name, text(from, to));
        } else {
          b.unparsed(name, text(from, to)); // a string where the standard has a number
        }
        return true;
      }
      if (x == '-' || (x >= '0' && x <= '9')) {
        if (index >= 0 && FastObservations.numeric(index)) {
          double v = plainNumber();
          if (v == v) {
            b.number(index, v);
            return true;
          }
        }
        int from = pos;
        int to = numberEnd();
        if (to < 0 || to - from > MAX_NUMBER) {
          return false;
        }
        if (index >= 0 && FastObservations.numeric(index)) {
          double v = FastNumbers.parse(d, from, to);
          if (v != v || (v == 0 && d[from] == '-')) {
            v = slowNumber(from, to); // not a plain decimal, or a zero whose sign Jackson decides
          }
          if (Double.isFinite(v)) {
            b.number(index, v);
          } else {
            b.unparsed(name, text(from, to));
          }
        } else if (index < 0) {
          b.extra(name, text(from, to));
        } else {
          b.unparsed(name, text(from, to));
        }
        return true;
      }
      return false; // null, true, false, an object, an array, or not JSON
    }

    /**
     * Reads a plain JSON number ({@code -?(0|[1-9][0-9]*)(.[0-9]+)?} with at most 15 significant
     * digits and 22 decimals, followed by a delimiter) in one pass, moving past it; anything else
     * (an exponent, more digits, a negative zero, not a number) gives NaN and leaves the cursor
     * where it was, for {@link #numberEnd()} and the exact path. The value is the one
     * {@link FastNumbers#parse(byte[], int, int)} gives for the same text.
     */
    private double plainNumber() {
      int i = pos;
      boolean negative = d[i] == '-';
      if (negative) {
        i++;
      }
      if (i >= len) {
        return Double.NaN;
      }
      long mantissa = 0;
      int digits = 0;
      if (d[i] == '0') {
        i++;
      } else if (d[i] >= '1' && d[i] <= '9') {
        while (i < len && d[i] >= '0' && d[i] <= '9') {
          mantissa = mantissa * 10 + (d[i] - '0');
          digits++;
          i++;
        }
      } else {
        return Double.NaN;
      }
      int decimals = 0;
      if (i < len && d[i] == '.') {
        int first = ++i;
        while (i < len && d[i] >= '0' && d[i] <= '9') {
          if (mantissa != 0 || d[i] != '0') {
            digits++;
          }
          mantissa = mantissa * 10 + (d[i] - '0');
          decimals++;
          i++;
        }
        if (i == first) {
          return Double.NaN;
        }
      }
      if (digits > 15 || decimals > 22 || (negative && mantissa == 0)) {
        return Double.NaN;
      }
      if (i < len) {
        byte t = d[i];
        if (t != ',' && t != '}' && t != ' ' && t != '\t' && t != '\r' && t != '\n') {
          return Double.NaN; // an exponent, or not a number
        }
      }
      pos = i;
      double v = FastNumbers.scale(mantissa, decimals);
      return negative ? -v : v;
    }

    /**
     * Moves past a number in JSON's grammar: {@code -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?}.
     *
     * @return its end, or -1 when it is not a JSON number
     */
    private int numberEnd() {
      int i = pos;
      if (d[i] == '-') {
        i++;
      }
      if (i >= len) {
        return -1;
      }
      if (d[i] == '0') {
        i++;
      } else if (d[i] >= '1' && d[i] <= '9') {
        i = digits(i);
      } else {
        return -1;
      }
      if (i < len && d[i] == '.') {
        int j = digits(i + 1);
        if (j == i + 1) {
          return -1;
        }
        i = j;
      }
      if (i < len && (d[i] == 'e' || d[i] == 'E')) {
        i++;
        if (i < len && (d[i] == '+' || d[i] == '-')) {
          i++;
        }
        int j = digits(i);
        if (j == i) {
          return -1;
        }
        i = j;
      }
      if (i < len) {
        byte x = d[i];
        if (x != ',' && x != '}' && x != ' ' && x != '\t' && x != '\r' && x != '\n') {
          return -1; // e.g. 12abc or 0123
        }
      }
      pos = i;
      return i;
    }

    /**
     * A number the fast path left, as Jackson reads it: an integer (no fraction, no exponent) as
     * an integer converted to double, so {@code -0} is 0; anything else as a double.
     */
    private double slowNumber(int from, int to) {
      String t = text(from, to);
      for (int i = from; i < to; i++) {
        byte x = d[i];
        if (x == '.' || x == 'e' || x == 'E') {
          return Double.parseDouble(t);
        }
      }
      return to - from <= 18 ? (double) Long.parseLong(t) : new java.math.BigInteger(t).doubleValue();
    }

    private int digits(int i) {
      while (i < len && d[i] >= '0' && d[i] <= '9') {
        i++;
      }
      return i;
    }

    private String text(int from, int to) {
      return new String(d, from, to - from,
          ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }
  }
}
