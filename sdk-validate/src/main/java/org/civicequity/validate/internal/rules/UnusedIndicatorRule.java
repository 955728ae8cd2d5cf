package org.civicequity.validate.internal.rules;

import java.util.List;
import java.util.Optional;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** indicators.json defines an indicator that no observation uses. */
final class UnusedIndicatorRule implements KeyedRule {
  static final RuleInfo INFO = RuleInfo.of("UNUSED_INDICATOR", Severity.WARNING, Layer.SEMANTICS,
      """
      indicators.json defines an indicator that no observation uses. Either the observations
      of that indicator are missing from the feed, or the definition is left over and should
      be removed.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().hasManifest() ? Optional.empty()
        : Optional.of("without a manifest observations are checked against the core catalogue, whose "
            + "indicators a single file is not expected to use");
  }

  @Override
  public Check start(ValidationContext ctx) {
    List<Indicator> all = ctx.feed().indicators();
    boolean[] used = new boolean[all.size()];
    return new Check() {
      @Override
      public void accept(Observation o, Findings out) {
        int i = CompiledContext.of(ctx).indexOf(o);
        if (i >= 0) {
          used[i] = true;
        }
      }

      @Override
      public void finish(Findings out) {
        java.util.Set<String> usedIds = new java.util.HashSet<>();
        for (int i = 0; i < used.length; i++) {
          if (used[i]) {
            usedIds.add(all.get(i).id());
          }
        }
        for (int i = 0; i < used.length; i++) {
          // a repeated definition of a used id is DUPLICATE_INDICATOR_ID, not an unused indicator
          if (!used[i] && !usedIds.contains(all.get(i).id())) {
            Indicator ind = all.get(i);
            out.report(INFO, ind.location().field("id"), ind.id(), ind.id());
          }
        }
      }
    };
  }
}
