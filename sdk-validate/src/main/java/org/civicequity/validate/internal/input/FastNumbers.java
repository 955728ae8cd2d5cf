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

  static Double parse(String s) {
    int n = s.length();
    if (n == 0 || n > 40) {
      return Numbers.parse(s);
    }
    int i = 0;
    boolean negative = false;
    char c = s.charAt(0);
    if (c == '-' || c == '+') {
      negative = c == '-';
      i = 1;
    }
    long mantissa = 0;
    int digits = 0;
    int decimals = -1;
    for (; i < n; i++) {
      c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        if (mantissa != 0 || c != '0') {
          digits++;
        }
        mantissa = mantissa * 10 + (c - '0');
        if (decimals >= 0) {
          decimals++;
        }
        if (digits > 15) {
          return Numbers.parse(s);
        }
      } else if (c == '.' && decimals < 0) {
        decimals = 0;
      } else {
        return Numbers.parse(s);
      }
    }
    int start = negative || s.charAt(0) == '+' ? 1 : 0;
    if (n - start == 0 || n - start == 1 && decimals == 0 || decimals > 22) {
      return Numbers.parse(s);
    }
    double v = decimals <= 0 ? (double) mantissa : mantissa / POWERS[decimals];
    return negative ? -v : v;
  }
}
