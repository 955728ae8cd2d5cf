package org.civicequity.validate.internal.rules;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.civicequity.core.Indicator;
import org.civicequity.validate.FeedRule;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** indicators.json defines the same indicator id twice. */
final class DuplicateIndicatorRule implements FeedRule {
  static final RuleInfo INFO = RuleInfo.of("DUPLICATE_INDICATOR_ID", Severity.ERROR,
      Layer.SEMANTICS, """
      Each indicator id is defined once in indicators.json; with two definitions, users cannot
      tell which unit, universe or source applies to the observations. The first definition is
      used for validation.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().hasManifest() ? Optional.empty()
        : Optional.of("without a manifest the core catalogue is used, whose ids are unique");
  }

  @Override
  public void check(ValidationContext ctx, Findings out) {
    Set<String> seen = new HashSet<>();
    for (Indicator i : ctx.feed().indicators()) {
      if (i.id() != null && !seen.add(i.id())) {
        out.report(INFO, i.location().field("id"), i.id(), i.id());
      }
    }
  }
}
