package org.civicequity.validate.internal.rules;

import org.civicequity.core.ConfidenceLevels;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** An estimate's coefficient of variation is above 30% and the row is not marked unreliable. */
final class UnreliableEstimateRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("UNRELIABLE_ESTIMATE", Severity.WARNING,
      Layer.SEMANTICS, """
      The estimate's coefficient of variation CV = SE / estimate, with SE = MOE / z (z = 1.645
      for the 90% margins of the ACS, or the z of the indicator's confidenceLevel), is above
      30%, the usual threshold of the Census Bureau and most data intermediaries. Mark the row
      with status unreliable, combine years or areas, or show the margin of error wherever the
      value appears.""");

  /** The CV above which an estimate is unreliable. */
  static final double MAX_CV = 0.30;

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Double v = o.value();
    Double moe = o.moe();
    if (v == null || moe == null || v == 0 || moe <= 0 || "unreliable".equals(o.status())) {
      return;
    }
    Indicator ind = ctx.indicatorOf(o);
    double level = ind == null ? Indicator.DEFAULT_CONFIDENCE_LEVEL : ind.effectiveConfidenceLevel();
    double z = level > 0 && level < 1 ? ConfidenceLevels.criticalValue(level) : ConfidenceLevels.Z90;
    double cv = moe / z / Math.abs(v);
    if (cv > MAX_CV) {
      out.report(INFO, o.location().field("moe"), moe,
          Math.round(cv * 1000) / 10.0, moe,
          v);
    }
  }
}
