package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;
import org.civicequity.validate.internal.CompiledContext.UnitFacts;

/** A count below the feed's suppression threshold is published instead of suppressed. */
final class SmallCellRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("SMALL_CELL_NOT_SUPPRESSED", Severity.ERROR,
      Layer.SEMANTICS, """
      The feed's suppression policy (civicEquity.suppressionPolicy in the manifest) says counts
      below its minimum must not be published, because small counts can identify people. This
      row publishes such a count: a numerator, or the value of a count indicator, above 0 and
      below the minimum. Set status to suppressed and remove the value and counts (and suppress
      a second group too, or the first can be recomputed from the total).""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().suppressionMinimum() == null
        ? Optional.of(ctx.feed().hasManifest() ? "the manifest declares no suppression policy"
            : "there is no manifest (a bare observations file, or observations in memory), so no suppression policy")
        : Optional.empty();
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    if ("suppressed".equals(o.status())) {
      return;
    }
    double min = ctx.feed().suppressionMinimum();
    Double n = o.numerator();
    if (n != null && n > 0 && n < min) {
      out.report(INFO, o.location().field("numerator"), n,
          "numerator", n, min);
      return;
    }
    Double v = o.value();
    if (v != null && v > 0 && v < min) {
      UnitFacts unit = CompiledContext.of(ctx).unitFactsOf(o);
      if (unit != null && unit.count()) {
        out.report(INFO, o.location().field("value"), v, "count",
            v, min);
      }
    }
  }
}
