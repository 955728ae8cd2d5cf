package org.civicequity.validate.internal.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the next byte of a small set eight bytes at a time (SWAR: a word whose bytes are
 * compared at once with the classic "has a zero byte" test), for the splitter, which looks at
 * every byte of the file but stops at few of them.
 */
final class ByteScan {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long LF = ONES * '\n';
  private static final long CR = ONES * '\r';
  private static final long QUOTE = ONES * '"';

  /** The bytes at which a plain JSON string ends or stops being plain. */
  private static final boolean[] STRING_STOP = new boolean[256];

  static {
    for (int c = 0; c < 0x20; c++) {
      STRING_STOP[c] = true;
    }
    STRING_STOP['"'] = true;
    STRING_STOP['\\'] = true;
  }

  private ByteScan() {
  }

  /**
   * Whether a word has a byte equal to the one repeated in {@code pattern}: non-zero in the
   * high bits ({@link #HIGHS}) exactly when it has (which byte is flagged may be off after the
   * first match, which is why callers only ask whether, then look byte by byte).
   */
  private static long has(long word, long pattern) {
    long x = word ^ pattern;
    return (x - ONES) & ~x;
  }

  /**
   * The index of the next line feed or carriage return.
   *
   * @param b    the bytes
   * @param from where to start
   * @param to   the end (exclusive)
   * @return the index, or {@code to} when there is none
   */
  static int lineEnd(byte[] b, int from, int to) {
    int i = from;
    while (i + 8 <= to) {
      long w = (long) LONGS.get(b, i);
      if (((has(w, LF) | has(w, CR)) & HIGHS) != 0) {
        break;
      }
      i += 8;
    }
    while (i < to && b[i] != '\n' && b[i] != '\r') {
      i++;
    }
    return i;
  }

  /**
   * The index of the next double quote, line feed or carriage return.
   *
   * @param b    the bytes
   * @param from where to start
   * @param to   the end (exclusive)
   * @return the index, or {@code to} when there is none
   */
  static int quoteOrLineEnd(byte[] b, int from, int to) {
    int i = from;
    while (i + 8 <= to) {
      long w = (long) LONGS.get(b, i);
      if (((has(w, LF) | has(w, CR) | has(w, QUOTE)) & HIGHS) != 0) {
        break;
      }
      i += 8;
    }
    while (i < to) {
      byte x = b[i];
      if (x == '"' || x == '\n' || x == '\r') {
        break;
      }
      i++;
    }
    return i;
  }

  /**
   * Which of a double quote and a byte above 0x7F occur in {@code b[0..len)}.
   *
   * @param b   the bytes
   * @param len how many
   * @return {@link Utf8Scan#QUOTE} and {@link Utf8Scan#NON_ASCII} as found
   */
  static int quotesAndHighBytes(byte[] b, int len) {
    long quotes = 0;
    long high = 0;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      long w = (long) LONGS.get(b, i);
      high |= w;
      quotes |= has(w, QUOTE);
    }
    int flags = 0;
    for (; i < len; i++) {
      if (b[i] == '"') {
        flags |= Utf8Scan.QUOTE;
      } else if (b[i] < 0) {
        flags |= Utf8Scan.NON_ASCII;
      }
    }
    if ((high & HIGHS) != 0) {
      flags |= Utf8Scan.NON_ASCII;
    }
    if ((quotes & HIGHS) != 0) { // the test for a zero byte is exact about whether there is one
      flags |= Utf8Scan.QUOTE;
    }
    return flags;
  }

  /**
   * The index of the next double quote, backslash or control character (below 0x20): where a
   * JSON string ends or stops being plain.
   *
   * @param b    the bytes
   * @param from where to start
   * @param to   the end (exclusive)
   * @return the index, or {@code to} when there is none
   */
  /**
   * Whether a plain JSON string ends or stops being plain at this byte (a quote, a backslash, a
   * control character).
   *
   * @param x the byte
   * @return true when it does
   */
  static boolean stopsString(byte x) {
    return STRING_STOP[x & 0xff];
  }

  static int stringStop(byte[] b, int from, int to) {
    // JSON strings of observations are short: a table look-up per byte beats word tricks
    int i = from;
    while (i < to && !STRING_STOP[b[i] & 0xff]) {
      i++;
    }
    return i;
  }

  /**
   * Whether {@code b[at..at+key.length)} equals {@code key}: a plain loop, the fastest for the
   * short keys (member names) it is used for.
   *
   * @param b   the bytes
   * @param at  where to compare
   * @param to  the end of what may be read (exclusive)
   * @param key the expected bytes
   * @return true when they are equal
   */
  static boolean startsWith(byte[] b, int at, int to, byte[] key) {
    int n = key.length;
    return at + n <= to && equal(b, at, key, 0, n);
  }

  /**
   * Whether {@code a[ai..ai+n)} and {@code b[bi..bi+n)} hold the same bytes, compared eight at
   * a time (the short values of observations make a library call's set-up cost more than the
   * comparison).
   */
  static boolean equal(byte[] a, int ai, byte[] b, int bi, int n) {
    if (n < 8) {
      for (int i = 0; i < n; i++) {
        if (a[ai + i] != b[bi + i]) {
          return false;
        }
      }
      return true;
    }
    int i = 0;
    for (; i + 8 < n; i += 8) {
      if ((long) LONGS.get(a, ai + i) != (long) LONGS.get(b, bi + i)) {
        return false;
      }
    }
    // the last eight bytes, overlapping the words already compared
    return (long) LONGS.get(a, ai + n - 8) == (long) LONGS.get(b, bi + n - 8);
  }

  /**
   * Whether a byte above 0x7F occurs in {@code b[0..len)}.
   *
   * @param b   the bytes
   * @param len how many
   * @return true when one does
   */
  static boolean hasHighBytes(byte[] b, int len) {
    long high = 0;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      high |= (long) LONGS.get(b, i);
    }
    for (; i < len; i++) {
      high |= b[i] & 0x80;
    }
    return (high & HIGHS) != 0;
  }
}
