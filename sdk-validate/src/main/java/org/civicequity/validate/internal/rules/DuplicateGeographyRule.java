package org.civicequity.validate.internal.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.civicequity.core.Geography;
import org.civicequity.validate.FeedRule;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** geographies.csv defines the same custom geography id twice. */
final class DuplicateGeographyRule implements FeedRule {
  static final RuleInfo INFO = RuleInfo.of("DUPLICATE_GEOGRAPHY_ID", Severity.ERROR,
      Layer.SEMANTICS, """
      Each custom geography id is defined once in geographies.csv; with two rows, users cannot
      tell which name, parent or list of tracts defines the area. Usually a row pasted twice,
      or two areas given the same id. The first row is used for validation.""");

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
  public void check(ValidationContext ctx, Findings out) {
    Map<String, Geography> seen = new HashMap<>();
    for (Geography g : ctx.feed().geographies()) {
      if (g.geoId() == null) {
        continue;
      }
      Geography first = seen.putIfAbsent(g.geoId(), g);
      if (first != null) {
        out.report(INFO, g.location().field("geoId"), g.geoId(), first.location().line());
      }
    }
  }
}
