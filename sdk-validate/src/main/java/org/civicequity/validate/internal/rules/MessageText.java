package org.civicequity.validate.internal.rules;

import org.civicequity.core.Numbers;

/** Small helpers to show values in findings the way they appear in files. */
final class MessageText {
  private MessageText() {
  }

  /**
   * A number as text.
   *
   * @param d the number, or null
   * @return its shortest text, or null
   */
  static String number(Double d) {
    return d == null ? null : Numbers.format(d);
  }
}
