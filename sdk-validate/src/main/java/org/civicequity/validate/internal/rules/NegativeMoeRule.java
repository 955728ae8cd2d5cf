package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A margin of error is negative. */
final class NegativeMoeRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("NEGATIVE_MOE", Severity.ERROR, Layer.STRUCTURE, """
      A margin of error is a half-width and cannot be negative. Census exports use negative
      numbers such as -555555555 or -222222222 as annotation codes: map them to a status
      (e.g. not-available) instead of publishing them as numbers.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Double moe = o.moe();
    if (moe != null && moe < 0) {
      out.report(INFO, o.location().field("moe"), moe);
    }
  }
}
