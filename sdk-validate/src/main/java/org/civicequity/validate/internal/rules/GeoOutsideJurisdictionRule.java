package org.civicequity.validate.internal.rules;

import java.util.Optional;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/**
 * A census geography that nests in the publisher's jurisdiction by GEOID has a GEOID outside it.
 */
final class GeoOutsideJurisdictionRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("GEO_OUTSIDE_JURISDICTION", Severity.WARNING,
      Layer.SEMANTICS, """
      A geography below the publisher's jurisdiction lies outside it: census GEOIDs nest, so a
      tract, block group or county subdivision of a county starts with the county's 5 digits,
      and any county, place or tract of a state starts with the state's 2 digits. Usually a
      wrong county or state code, or a row from another jurisdiction's file. A row at the
      jurisdiction's own level with another GEOID (county 24005 in the feed of county 24510)
      is reported too: figures for other places belong in those places' feeds, or, when they
      are published on purpose for comparison, should be declared as such (e.g. in an
      extension field and the manifest's description) so this warning can be accepted. Rows
      above the jurisdiction's level (state or national figures for comparison) are not
      checked, nor are ZCTAs and custom areas. The tracts each custom area of geographies.csv
      lists are checked the same way (reported at geographies.csv, column tracts).""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Optional<String> skipReason(ValidationContext ctx) {
    if (ctx.feed().jurisdictionGeoLevel() == null || ctx.feed().jurisdictionGeoId() == null) {
      return Optional.of(ctx.feed().hasManifest()
          ? "the manifest names no jurisdiction (civicEquity.publisher.jurisdiction)"
          : "there is no manifest (a bare observations file, or observations in memory), so no jurisdiction");
    }
    if (prefixLength(ctx.feed().jurisdictionGeoLevel()) < 0) {
      return Optional.of("geographies do not nest by GEOID in a jurisdiction of level "
          + ctx.feed().jurisdictionGeoLevel());
    }
    return Optional.empty();
  }

  /** The number of leading GEOID digits that identify a jurisdiction of this level. */
  private static int prefixLength(String level) {
    return switch (level) {
      case "state" -> 2;
      case "county" -> 5;
      case "tract" -> 11;
      default -> -1;
    };
  }

  /** How deep a level sits, or -1 when it does not nest by GEOID prefix. */
  private static int depth(String level) {
    return switch (level) {
      case "state" -> 1;
      case "county" -> 2;
      case "place", "county-subdivision", "tract" -> 3; // places are checked by state only
      case "block-group" -> 4;
      default -> -1;
    };
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    String level = o.geoLevel();
    String id = o.geoId();
    if (level == null || id == null) {
      return;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return; // not a GEOID at all: GEOID_LENGTH_MISMATCH reports it, once
      }
    }
    String jLevel = ctx.feed().jurisdictionGeoLevel();
    int d = depth(level);
    if (level.equals(jLevel)) {
      String jId = ctx.feed().jurisdictionGeoId();
      if (!id.equals(jId)) {
        out.reportVariant(INFO, "sameLevel", o.location().field("geoId"), id, level, jId);
      }
      return;
    }
    if (d <= depth(jLevel)) {
      return;
    }
    // Places nest in states only: a county jurisdiction checks a place's state digits.
    int n = "place".equals(level) ? 2 : prefixLength(jLevel);
    String jId = ctx.feed().jurisdictionGeoId();
    if (jId.length() < n || id.length() < n) {
      return;
    }
    if (!id.regionMatches(0, jId, 0, n)) {
      out.report(INFO, o.location().field("geoId"), id, level, jLevel, jId.substring(0, n));
    }
  }
}
