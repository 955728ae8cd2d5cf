package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** An observation of level {@code custom} names an area that geographies.csv does not define. */
final class CustomGeoRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("CUSTOM_GEO_UNDEFINED", Severity.ERROR,
      Layer.SEMANTICS, """
      An observation at geoLevel custom names an area that geographies.csv does not define.
      Custom areas (neighbourhoods, Community Statistical Areas, wards) must be declared with
      their name and, where possible, their census tracts, so users can map and compare them.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    return ctx.feed().hasManifest() ? Optional.empty()
        : Optional.of("there is no geographies.csv (a bare observations file, or observations in memory)");
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    if ("custom".equals(o.geoLevel()) && o.geoId() != null
        && ctx.customGeography(o.geoId()) == null) {
      out.report(INFO, o.location().field("geoId"), o.geoId());
    }
  }
}
