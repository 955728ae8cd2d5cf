package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** Mutually exclusive race/ethnicity groups add up to more than their total. */
final class GroupSumRule implements KeyedRule {
  static final RuleInfo INFO = RuleInfo.of("GROUP_SUM_EXCEEDS_TOTAL", Severity.ERROR,
      Layer.SEMANTICS, """
      Groups that do not overlap cannot add up to more than the whole: the race-alone groups
      together, or the not-Hispanic race groups with Hispanic, must not exceed the total row
      (no raceEthnicity) of the same indicator, geography, period and other dimensions. Checked
      on the values of count indicators, and on the denominators and the numerators of rates and
      shares (the numerators of suppressed groups are unknown, so only the known ones are added:
      if they alone exceed the total's numerator, the data is wrong).
      Alone-or-in-combination groups overlap and are not added up.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Check start(ValidationContext ctx) {
    RaceGroups groups = RaceGroups.of(ctx);
    return new Check() {
      @Override
      public void accept(Observation o, Findings out) {
        groups.accept(o);
      }

      @Override
      public void finish(Findings out) {
        groups.forEachExcess((at, total, sum, p, what) -> out.report(INFO, at,
            total, RaceGroups.PARTITIONS[p], what, sum, total));
      }
    };
  }
}
