package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** The interval (lower, upper) does not contain the value, or is reversed. */
final class IntervalRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("INTERVAL_EXCLUDES_VALUE", Severity.ERROR,
      Layer.SEMANTICS, """
      An estimate lies inside its own confidence interval: lower must not exceed the value, and
      upper must not be below it (so lower must not exceed upper either). Swapped columns, or
      bounds of another row, are the usual causes.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Double lo = o.lower();
    Double hi = o.upper();
    if (lo == null && hi == null) {
      return;
    }
    if (lo != null && hi != null && lo > hi) {
      out.reportVariant(INFO, "reversed", o.location().field("lower"), lo,
          lo, hi);
      return;
    }
    Double v = o.value();
    if (v == null) {
      return;
    }
    if (lo != null && v < lo) {
      out.report(INFO, o.location().field("lower"), lo,
          v, "lower", lo);
    } else if (hi != null && v > hi) {
      out.report(INFO, o.location().field("upper"), hi,
          v, "upper", hi);
    }
  }
}
