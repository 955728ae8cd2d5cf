package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;
import org.civicequity.validate.internal.CompiledContext.UnitFacts;

/** The value disagrees with numerator / denominator times the unit's scale. */
final class FractionRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("VALUE_INCONSISTENT_WITH_FRACTION", Severity.WARNING,
      Layer.SEMANTICS, """
      When a row gives numerator and denominator, its value should equal numerator /
      denominator times the unit's scale (100 for percent, 1 for proportion, 1,000 for a rate
      per 1,000). A difference larger than rounding (1% of the value, and at least 0.05% of the
      scale) usually means a proportion published as a percent, or counts from another row.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Double v = o.value();
    Double n = o.numerator();
    Double d = o.denominator();
    if (v == null || n == null || d == null || d == 0) {
      return;
    }
    UnitFacts unit = CompiledContext.of(ctx).unitFactsOf(o);
    if (unit == null || Double.isNaN(unit.scale())) {
      return;
    }
    double scale = unit.scale();
    double expected = n / d * scale;
    double tolerance = Math.max(0.01 * Math.abs(expected), 0.0005 * scale);
    if (Math.abs(v - expected) > tolerance) {
      out.report(INFO, o.location().field("value"), v,
          n, d, scale,
          Math.round(expected * 1000) / 1000.0);
    }
  }
}
