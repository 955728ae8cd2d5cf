package org.civicequity.validate.internal.input;

import org.civicequity.core.Numbers;

/**
 * {@link Numbers#parse} with a fast path for plain decimals such as {@code 20.5}, {@code -3} or
 * {@code 113766}: at most 15 significant digits and 22 decimals, no exponent, no spaces. Such a
 * number is an integer mantissa below 2^53 divided by an exact power of ten, and one IEEE
 * division of two exact doubles is correctly rounded, so the result is the double
 * {@link Double#parseDouble} gives (Clinger's fast path). Anything else goes to
 * {@link Numbers#parse}, so the semantics are exactly those of the SDK.
 */
final class FastNumbers {
  private static final double[] POWERS = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
  }

  private FastNumbers() {
  }

  /**
   * The value of a plain decimal from its digits: exact when {@code mantissa} has at most 15
   * significant digits and {@code decimals} is at most 22 (one correctly rounded division).
   *
   * @param mantissa the digits as an integer
   * @param decimals how many of them follow the decimal point
   * @return mantissa / 10^decimals
   */
  static double scale(long mantissa, int decimals) {
    return decimals == 0 ? (double) mantissa : mantissa / POWERS[decimals];
  }

  static Double parse(String s) {
    int n = s.length();
    if (n > 0 && n <= 40) {
      // a character outside Latin-1 becomes '?', which the fast path declines
      double v = parse(s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, n);
      if (v == v) {
        return v;
      }
    }
    return Numbers.parse(s);
  }

  /**
   * The fast path over ASCII bytes: the number of {@code d[from..to)} when it is a plain decimal
   * (the same cases as {@link #parse(String)} answers without {@link Numbers#parse}), else NaN,
   * which the caller answers with {@link #parse(String)} on the decoded text.
   *
   * @param d    the bytes
   * @param from the first byte
   * @param to   the end (exclusive)
   * @return the number, or NaN when the fast path does not apply
   */
  static double parse(byte[] d, int from, int to) {
    int n = to - from;
    if (n == 0 || n > 40) {
      return Double.NaN;
    }
    int i = from;
    boolean negative = false;
    byte c = d[i];
    if (c == '-' || c == '+') {
      negative = c == '-';
      i++;
    }
    int start = i;
    long mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < to; i++) {
      c = d[i];
      if (c >= '0' && c <= '9') {
        if (mantissa != 0 || c != '0') {
          digits++;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (decimals >= 0) {
          decimals++;
        }
        if (digits > 15) {
          return Double.NaN;
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Double.NaN;
      }
    }
    if (to - start == 0 || to - start == 1 && decimals == 0 || decimals > 22) {
      return Double.NaN;
    }
    double v = decimals <= 0 ? (double) mantissa : mantissa / POWERS[decimals];
    return negative ? -v : v;
  }
}
