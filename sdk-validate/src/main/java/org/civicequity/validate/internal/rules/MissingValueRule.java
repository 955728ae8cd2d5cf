package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** An observation has no value, and its status does not say why. */
final class MissingValueRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("VALUE_WITHOUT_STATUS_MISSING", Severity.ERROR,
      Layer.STRUCTURE, """
      The value is empty but the status is ok (or empty, which means ok). A missing value must
      say why: set status to suppressed, unreliable, not-available or not-applicable. An empty
      cell must never stand for zero.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    if (o.value() == null && !o.unparsed().containsKey("value")
        && (o.status() == null || "ok".equals(o.status()))) {
      out.report(INFO, o.location().field("value"), null, o.effectiveStatus());
    }
  }
}
