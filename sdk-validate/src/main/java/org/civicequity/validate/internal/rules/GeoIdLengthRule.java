package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;
import org.civicequity.validate.internal.CompiledContext.GeoLevel;

/** A census GEOID does not have the number of digits its geography level requires. */
final class GeoIdLengthRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("GEOID_LENGTH_MISMATCH", Severity.ERROR,
      Layer.STRUCTURE, """
      A census GEOID must have exactly the digits of its level: state 2, county 5, place 7,
      county-subdivision 10, tract 11, block-group 12, zcta 5. The most common cause is a
      spreadsheet that read the GEOID as a number and dropped its leading zero (Alabama's
      01001 became 1001): store GEOIDs as text. Excel also turns long ids into scientific
      notation (2.45101E+10) or wraps them in a formula (="24510080600"); both are named in the
      message. A custom area's id is 1 to 64 characters without white space, and each tract a
      custom area lists in geographies.csv has 11 digits.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  /** An id Excel turned into a number shown in scientific notation, e.g. 2.45101E+10. */
  private static final java.util.regex.Pattern SCIENTIFIC =
      java.util.regex.Pattern.compile("[0-9]+(\\.[0-9]+)?[eE]\\+?[0-9]+");
  /** An id wrapped in an Excel formula to keep its leading zeros, e.g. ="24510080600". */
  private static final java.util.regex.Pattern FORMULA =
      java.util.regex.Pattern.compile("=\"[0-9]+\"");

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    String id = o.geoId();
    if (id == null) {
      return;
    }
    GeoLevel level = CompiledContext.of(ctx).geoLevel(o.geoLevel());
    if (level == null) {
      return;
    }
    if (level.length() < 0) {
      if (level.pattern() != null && !level.pattern().matcher(id).find()) {
        out.reportVariant(INFO, "custom", o.location().field("geoId"), id, level.code());
      }
      return;
    }
    int n = id.length();
    boolean digits = true;
    for (int i = 0; i < n; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        digits = false;
        break;
      }
    }
    if (digits && n == level.length()) {
      return;
    }
    if (digits && n == level.length() - 1) {
      out.reportVariant(INFO, "leadingZero", o.location().field("geoId"), id,
          level.length(), level.code(), n);
    } else if (digits) {
      out.report(INFO, o.location().field("geoId"), id, level.length(), level.code(), n);
    } else {
      String variant = "notDigits";
      if (SCIENTIFIC.matcher(id).matches()) {
        variant = "scientific";
      } else if (FORMULA.matcher(id).matches()) {
        variant = "formula";
      }
      out.reportVariant(INFO, variant, o.location().field("geoId"), id, level.length(),
          level.code());
    }
  }
}
