package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RowRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** An observation marked suppressed still carries its value. */
final class SuppressedValueRule implements RowRule {
  static final RuleInfo INFO = RuleInfo.of("SUPPRESSED_VALUE_PRESENT", Severity.ERROR,
      Layer.STRUCTURE, """
      The status is suppressed but the value is still there, so the suppression protects no one.
      Remove the value (and its numerator, denominator and margin of error) from suppressed
      rows.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    if ("suppressed".equals(o.status()) && (o.value() != null || o.unparsed().containsKey("value"))) {
      Object v = o.value() != null ? (Object) o.value() : o.unparsed().get("value");
      out.report(INFO, o.location().field("value"), v);
    }
  }
}
