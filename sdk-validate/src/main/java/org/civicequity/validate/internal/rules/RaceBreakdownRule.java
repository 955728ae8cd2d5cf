package org.civicequity.validate.internal.rules;

import java.util.List;
import org.civicequity.core.Indicator;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** An indicator is published only for all people, never by race and ethnicity. */
final class RaceBreakdownRule implements KeyedRule {
  static final RuleInfo INFO = RuleInfo.of("NO_RACE_ETHNICITY_BREAKDOWN", Severity.INFO,
      Layer.SEMANTICS, """
      An indicator has observations, but none by race and ethnicity: an equity indicator that
      only reports totals hides the disparities it exists to show. Publish the race/ethnicity
      groups the source provides (ACS tables with suffixes A-I do), or say in the indicator's
      methodology why they are not available.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Check start(ValidationContext ctx) {
    List<Indicator> all = ctx.feed().indicators();
    byte[] seen = new byte[all.size()];
    return new Check() {
      @Override
      public void accept(Observation o, Findings out) {
        int i = CompiledContext.of(ctx).indexOf(o);
        if (i >= 0) {
          seen[i] |= o.raceEthnicity() == null ? 1 : 2;
        }
      }

      @Override
      public void finish(Findings out) {
        for (int i = 0; i < seen.length; i++) {
          if (seen[i] == 1) {
            Indicator ind = all.get(i);
            out.report(INFO, ind.location().field("id"), ind.id(), ind.id());
          }
        }
      }
    };
  }
}
