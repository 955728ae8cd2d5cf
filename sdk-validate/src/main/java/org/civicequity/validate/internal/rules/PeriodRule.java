package org.civicequity.validate.internal.rules;

import java.util.regex.Pattern;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A period is not an ISO 8601 year, year-month, date, or interval of those. */
final class PeriodRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("PERIOD_INVALID", Severity.ERROR, Layer.STRUCTURE, """
      The period must be ISO 8601: a year (2022), a month (2022-07), a date that exists in the
      calendar (2022-07-01), or an interval of years whose start is not after its end
      (2018/2022 for an ACS 5-year estimate). Spreadsheets often turn
      2018-2022 or 7/1/2022 into something else: write the period as text.""");

  /** The observation schema's period pattern, verbatim: dates must exist in the calendar. */
  static final Pattern PERIOD = Pattern.compile(
      "^(?:[0-9]{4}(?:-(?:0[1-9]|1[0-2]))?|[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
      + "|[0-9]{4}-(?:0[13-9]|1[0-2])-(?:29|30)|[0-9]{4}-(?:0[13578]|1[02])-31"
      + "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29"
      + "|[0-9]{4}/[0-9]{4})$");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    String p = o.period();
    if (p == null) {
      return;
    }
    int n = p.length();
    if (n == 4 && isYear(p, 0)) {
      return;
    }
    if (n == 9 && p.charAt(4) == '/' && isYear(p, 0) && isYear(p, 5)) {
      // beyond the schema: an interval runs forwards
      if (startsAfterEnd(p)) {
        out.reportVariant(INFO, "reversed", o.location().field("period"), p);
      }
      return;
    }
    if (!PERIOD.matcher(p).matches()) {
      out.report(INFO, o.location().field("period"), p);
    }
  }

  private static boolean startsAfterEnd(String p) {
    for (int i = 0; i < 4; i++) {
      int d = p.charAt(i) - p.charAt(5 + i);
      if (d != 0) {
        return d > 0;
      }
    }
    return false;
  }

  private static boolean isYear(String s, int at) {
    if (s.length() < at + 4) {
      return false;
    }
    for (int i = at; i < at + 4; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
