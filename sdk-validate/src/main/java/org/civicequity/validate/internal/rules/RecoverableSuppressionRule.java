package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A suppressed group's count can be recomputed from the total and the other groups. */
final class RecoverableSuppressionRule implements KeyedRule {
  static final RuleInfo INFO = RuleInfo.of("SUPPRESSION_RECOVERABLE", Severity.ERROR,
      Layer.SEMANTICS, """
      Exactly one group of a set of non-overlapping race/ethnicity groups is suppressed, and the
      total minus the other groups' published counts leaves less than the suppression policy's
      minimum: anyone can recompute the small count the policy protects. Suppress a second
      group too (complementary suppression), or suppress the total.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().suppressionMinimum() == null
        ? Optional.of("no suppression policy, so no minimum to judge what a recomputed count reveals")
        : Optional.empty();
  }

  @Override
  public Check start(ValidationContext ctx) {
    RaceGroups groups = RaceGroups.of(ctx);
    double min = ctx.feed().suppressionMinimum();
    return new Check() {
      @Override
      public void accept(Observation o, Findings out) {
        groups.accept(o);
      }

      @Override
      public void finish(Findings out) {
        groups.forEachRecoverable(min, (at, p, others) -> out.report(INFO, at, "suppressed",
            RaceGroups.PARTITIONS[p], others, min));
      }
    };
  }
}
