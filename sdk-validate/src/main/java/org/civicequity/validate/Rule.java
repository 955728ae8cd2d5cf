package org.civicequity.validate;

import java.util.Optional;

/**
 * A validation rule. Rules are small, stateless and thread-safe: a {@link Validator} shares them
 * between runs. Implement one of {@link RowRule}, {@link KeyedRule} or {@link FeedRule}.
 *
 * <p>Rules never throw for bad input: bad input is a finding. An exception that escapes a rule is
 * a bug; the engine reports it as a system error, stops running that rule, and goes on.
 */
public sealed interface Rule permits RowRule, KeyedRule, FeedRule {

  /**
   * What the rule reports.
   *
   * @return the rule's code, severity, template and description
   */
  RuleInfo info();

  /**
   * Why the rule cannot run on this input, if it cannot (for example, a jurisdiction check on a
   * bare observations file that has no manifest). The report lists such rules with the reason.
   *
   * @param context the feed being validated
   * @return the reason, or empty when the rule runs
   */
  default Optional<String> skipReason(ValidationContext context) {
    return Optional.empty();
  }
}
