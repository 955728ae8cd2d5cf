package org.civicequity.validate.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.civicequity.core.Code;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RowRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** A coded field uses a deprecated code; the message names the documented replacement. */
final class DeprecatedCodeRule implements RowRule {
  static final RuleInfo INFO = RuleInfo.of("DEPRECATED_CODE", Severity.WARNING, Layer.SEMANTICS,
      """
      A code is deprecated: it stays valid so that old data can be published, but new data
      should use its replacement (the codelist's replacedBy). For race and ethnicity this is
      mostly 1997-era tabulations (some-other-race, api, a white-alone that includes Middle
      Eastern and North African people). Such data cannot separate MENA people, so it is never
      mapped to mena: report MENA as not available, never as 0.""");

  private static final String[][] FIELDS = {
      {"geoLevel", "geo-level"}, {"status", "status"}, {"raceEthnicity", "race-ethnicity"},
      {"sex", "sex"}, {"age", "age-band"}, {"income", "income-band"},
      {"disability", "disability"}, {"nativity", "nativity"}};

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    check(o, 0, o.geoLevel(), ctx, out);
    check(o, 1, o.status(), ctx, out);
    check(o, 2, o.raceEthnicity(), ctx, out);
    check(o, 3, o.sex(), ctx, out);
    check(o, 4, o.age(), ctx, out);
    check(o, 5, o.income(), ctx, out);
    check(o, 6, o.disability(), ctx, out);
    check(o, 7, o.nativity(), ctx, out);
  }

  private static void check(Observation o, int f, String code, ValidationContext ctx,
      Findings out) {
    if (code == null) {
      return;
    }
    Code c = CompiledContext.of(ctx).deprecated(FIELDS[f][1], code);
    if (c == null) {
      return;
    }
    List<String> replacements = replacements(c);
    if (replacements.isEmpty()) {
      out.reportVariant(INFO, "noReplacement", o.location().field(FIELDS[f][0]), code,
          code, FIELDS[f][0]);
    } else {
      out.report(INFO, o.location().field(FIELDS[f][0]), code, code, FIELDS[f][0],
          String.join(" or ", replacements));
    }
  }

  /**
   * The documented replacements, never a MENA code: data tabulated before MENA was a category
   * cannot be assigned to it.
   */
  static List<String> replacements(Code c) {
    List<String> r = new ArrayList<>();
    for (String s : c.replacedBy()) {
      if (!s.startsWith("mena")) {
        r.add(s);
      }
    }
    return r;
  }
}
