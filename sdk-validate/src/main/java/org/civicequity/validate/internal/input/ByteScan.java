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

  private ByteScan() {
  }

  /** Whether a word has a byte equal to the one repeated in {@code pattern}. */
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
}
