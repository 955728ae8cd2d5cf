package org.civicequity.validate.internal.rules;

import org.civicequity.core.Code;

/** What the rules need to know about units beyond the codelist's attributes. */
final class Units {
  private Units() {
  }

  /**
   * Whether a unit is a share of a whole (its numerator is part of its denominator).
   *
   * @param unit a unit code
   * @return true for percent and proportion
   */
  static boolean isShare(String unit) {
    return "percent".equals(unit) || "proportion".equals(unit);
  }

  /**
   * Whether a unit is a plain count.
   *
   * @param unit a unit code, or null
   * @return true for count
   */
  static boolean isCount(Code unit) {
    return unit != null && "count".equals(unit.code());
  }

  /**
   * The multiplier from numerator/denominator to the unit: 100 for percent, 1 for a proportion,
   * 1000 for a rate per 1,000; from the codelist's {@code scale} attribute.
   *
   * @param unit a unit code
   * @return the scale, or null when the unit is not a fraction of two counts
   */
  static Double scale(Code unit) {
    return unit == null ? null : unit.number("scale");
  }
}
