package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** An indicator id is not a lower-kebab-case slug. */
final class IndicatorIdRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("INVALID_ID", Severity.ERROR, Layer.STRUCTURE, """
      Indicator ids are slugs: lower-case letters and digits in words joined by single hyphens
      (poverty-rate, rent-burden-30), at most 64 characters. Spaces, capitals and underscores are
      not allowed, so that ids are stable in URLs and across feeds.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    String id = o.indicator();
    if (id != null && !isSlug(id)) {
      out.report(INFO, o.location().field("indicator"), id);
    }
  }

  /**
   * Whether a text is a slug: {@code ^[a-z0-9]+(-[a-z0-9]+)*$}, at most 64 characters.
   *
   * @param s the text
   * @return true for a slug
   */
  static boolean isSlug(String s) {
    int n = s.length();
    if (n == 0 || n > 64) {
      return false;
    }
    boolean prevHyphen = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '-') {
        if (prevHyphen) {
          return false;
        }
        prevHyphen = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        prevHyphen = false;
      } else {
        return false;
      }
    }
    return !prevHyphen;
  }
}
