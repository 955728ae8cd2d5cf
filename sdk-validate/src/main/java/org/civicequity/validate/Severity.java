package org.civicequity.validate;

/**
 * How serious a finding is, in the words of RFC 2119.
 *
 * <p>Order matters: {@link #ERROR} is the most serious, and {@link #compareTo(Enum)} sorts the most
 * serious first.
 */
public enum Severity {
  /** The standard says MUST: the feed is invalid. */
  ERROR,
  /** The standard says SHOULD, or it is widely agreed practice: the feed is valid but doubtful. */
  WARNING,
  /** Advice: nothing is wrong, but the publisher may want to know. */
  INFO;

  /**
   * Parses a severity name, case-insensitively.
   *
   * @param text {@code error}, {@code warning} or {@code info}
   * @return the severity
   * @throws IllegalArgumentException if the text names no severity
   */
  public static Severity parse(String text) {
    if (text != null) {
      for (Severity s : values()) {
        if (s.name().equalsIgnoreCase(text.strip())) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException("expected one of error, warning, info; found '" + text + "'");
  }
}
