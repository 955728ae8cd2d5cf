package org.civicequity.core;

/**
 * Text to number and back, the same way in every reader and writer of the SDK.
 *
 * <p>Only finite decimal numbers are numbers: {@code NaN}, {@code Infinity} and values that
 * overflow a double (such as {@code 1e999}) are not, so they stay text and are reported.
 * Thousands separators are not accepted here; converters strip them explicitly.
 */
public final class Numbers {
  private Numbers() {
  }

  /**
   * Parses a finite decimal number.
   *
   * @param text the text, surrounding spaces allowed
   * @return the number, or null when the text is not a finite decimal number
   */
  public static Double parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.isEmpty() || t.length() > 64) {
      return null;
    }
    // Reject what Double.parseDouble accepts but the standard does not: NaN, Infinity, hex
    // floats, and type suffixes such as 1d or 2f.
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return null;
      }
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Formats a number in its shortest form that reads back to the same double: integers
   * without a decimal point ({@code 12}), others as Java's shortest repr ({@code 12.5}).
   *
   * @param d a finite number
   * @return the text
   */
  public static String format(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }
}
