package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** An observation marked suppressed still carries its value. */
final class SuppressedValueRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("SUPPRESSED_VALUE_PRESENT", Severity.ERROR,
      Layer.STRUCTURE, """
      The status is suppressed but the value is still there, so the suppression protects no one.
      Remove the value from suppressed rows, and with it what reveals or bounds it: the
      numerator (the small count itself), the margin of error and the lower and upper bounds,
      as civic-equity publish does (the denominator, the size of the group, may stay).""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    if (!"suppressed".equals(o.status())) {
      return;
    }
    if (o.value() != null || o.unparsed().containsKey("value")) {
      Object v = o.value() != null ? (Object) o.value() : o.unparsed().get("value");
      out.report(INFO, o.location().field("value"), v);
    }
    revealing(o, "numerator", o.numerator(), out);
    revealing(o, "moe", o.moe(), out);
    revealing(o, "lower", o.lower(), out);
    revealing(o, "upper", o.upper(), out);
  }

  /** A member of a suppressed row that gives away (or bounds) the withheld value. */
  private static void revealing(Observation o, String field, Double number, Findings out) {
    if (number != null || o.unparsed().containsKey(field)) {
      Object v = number != null ? (Object) number : o.unparsed().get(field);
      out.reportVariant(INFO, "revealing", o.location().field(field), v, field);
    }
  }
}
