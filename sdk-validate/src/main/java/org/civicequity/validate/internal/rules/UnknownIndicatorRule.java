package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** An observation names an indicator that the feed does not define. */
final class UnknownIndicatorRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("UNKNOWN_INDICATOR", Severity.ERROR, Layer.SEMANTICS,
      """
      An observation names an indicator that indicators.json does not define (for a bare
      observations file: that the core catalogue does not define). Add the definition, or fix
      the id's spelling.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().indicators().isEmpty()
        ? Optional.of("no indicator definitions could be read") : Optional.empty();
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    if (o.indicator() != null && ctx.indicatorOf(o) == null) {
      out.report(INFO, o.location().field("indicator"), o.indicator(),
          ctx.feed().hasManifest() ? "indicators.json" : "the core catalogue");
    }
  }
}
