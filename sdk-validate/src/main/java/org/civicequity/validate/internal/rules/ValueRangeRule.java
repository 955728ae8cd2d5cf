package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;
import org.civicequity.validate.internal.CompiledContext.UnitFacts;

/** A value lies outside the range its indicator's unit allows. */
final class ValueRangeRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("VALUE_OUT_OF_RANGE", Severity.ERROR, Layer.SEMANTICS,
      """
      A value lies outside the range of its indicator's unit, as the unit codelist gives it:
      a percent is within 0-100, a proportion within 0-1, counts and rates are never negative.
      A percent of 140 is often a proportion multiplied twice, or a count in the wrong column;
      a proportion above 1 is often a percent published under the wrong unit.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Double v = o.value();
    if (v == null) {
      return;
    }
    UnitFacts unit = CompiledContext.of(ctx).unitFactsOf(o);
    if (unit == null) {
      return;
    }
    double min = unit.minimum();
    double max = unit.maximum();
    if (v < min || v > max) { // false when the bound is NaN (unbounded)
      out.report(INFO, o.location().field("value"), v, unit.code(),
          Double.isNaN(min) ? "no minimum" : min, Double.isNaN(max) ? "no maximum" : max);
    }
  }
}
