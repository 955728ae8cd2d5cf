package org.civicequity.cli;

import java.util.List;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RowRule;
import org.civicequity.validate.Rule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RulePack;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/**
 * A third-party rule pack with a bug: its one rule throws on every row. Loaded only by the test
 * that installs it through a class loader of its own, so no other test sees it.
 */
public final class FailingRulePack implements RulePack {
  static final RuleInfo INFO = new RuleInfo("X_PLANTED_BUG", Severity.WARNING,
      RuleInfo.Layer.SEMANTICS, "never reported: the rule fails first",
      "A rule with a planted bug, to show that a failing rule becomes a system error.");

  @Override
  public List<Rule> rules() {
    return List.of(new RowRule() {
      @Override
      public RuleInfo info() {
        return INFO;
      }

      @Override
      public void check(Observation observation, ValidationContext context, Findings out) {
        throw new IllegalStateException("planted bug in a third-party rule");
      }
    });
  }
}
