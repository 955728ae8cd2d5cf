package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A required field ({@code indicator}, {@code geoLevel}, {@code geoId}, {@code period}) is empty. */
final class RequiredFieldRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("REQUIRED_FIELD_MISSING", Severity.ERROR,
      Layer.STRUCTURE, """
      A field the standard requires is missing or empty: every observation names its indicator,
      geoLevel, geoId and period, and every manifest and indicator definition has its required
      members (as the JSON Schemas say). A feed's data.json (the DCAT-US 1.1 catalog publish writes)
      needs conformsTo and dataset, and each dataset title, description, keyword, modified,
      publisher (with name), contactPoint (with fn and hasEmail), identifier and accessLevel, or
      catalogs such as data.gov do not harvest it.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  // A field given with the wrong JSON type is present (WRONG_TYPE), not missing.
  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    if (o.indicator() == null && !o.unparsed().containsKey("indicator")) {
      out.report(INFO, o.location().field("indicator"), null, "indicator");
    }
    if (o.geoLevel() == null && !o.unparsed().containsKey("geoLevel")) {
      out.report(INFO, o.location().field("geoLevel"), null, "geoLevel");
    }
    if (o.geoId() == null && !o.unparsed().containsKey("geoId")) {
      out.report(INFO, o.location().field("geoId"), null, "geoId");
    }
    if (o.period() == null && !o.unparsed().containsKey("period")) {
      out.report(INFO, o.location().field("period"), null, "period");
    }
  }
}
