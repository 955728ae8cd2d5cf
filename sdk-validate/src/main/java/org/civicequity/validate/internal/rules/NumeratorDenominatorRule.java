package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;
import org.civicequity.validate.internal.CompiledContext.UnitFacts;

/** The numerator of a share (percent or proportion) is larger than its denominator. */
final class NumeratorDenominatorRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("NUMERATOR_EXCEEDS_DENOMINATOR", Severity.ERROR,
      Layer.SEMANTICS, """
      For a share (unit percent or proportion) the numerator counts part of the denominator's
      universe, so it cannot be larger. Usually the two columns are swapped, or the numerator
      and denominator come from different universes or years. Rates per 1,000 or 100,000 may
      count events (visits, crimes) and are not checked.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Double n = o.numerator();
    Double d = o.denominator();
    if (n == null || d == null || n <= d) {
      return;
    }
    UnitFacts unit = CompiledContext.of(ctx).unitFactsOf(o);
    if (unit != null && unit.share()) {
      out.report(INFO, o.location().field("numerator"), n,
          n, d);
    }
  }
}
