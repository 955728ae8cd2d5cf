package org.civicequity.validate.internal.rules;

import org.civicequity.core.Codelist;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RowRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** A coded field holds a code that is not in its codelist. */
final class UnknownCodeRule implements RowRule {
  static final RuleInfo INFO = RuleInfo.of("UNKNOWN_CODE", Severity.ERROR, Layer.STRUCTURE, """
      A coded field holds a code its codelist does not list: geoLevel (geo-level), status,
      raceEthnicity (race-ethnicity), sex, age (age-band; open, bands such as 25-34 or 65+),
      income (income-band), disability and nativity, and the unit, domain and polarity of an
      indicator. Codes are lower-kebab-case; run civic-equity rules or see the codelists for
      the list.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    check(o, "geoLevel", o.geoLevel(), "geo-level", ctx, out);
    check(o, "status", o.status(), "status", ctx, out);
    check(o, "raceEthnicity", o.raceEthnicity(), "race-ethnicity", ctx, out);
    check(o, "sex", o.sex(), "sex", ctx, out);
    check(o, "age", o.age(), "age-band", ctx, out);
    check(o, "income", o.income(), "income-band", ctx, out);
    check(o, "disability", o.disability(), "disability", ctx, out);
    check(o, "nativity", o.nativity(), "nativity", ctx, out);
  }

  private static void check(Observation o, String field, String code, String listId,
      ValidationContext ctx, Findings out) {
    if (code == null) {
      return; // most fields of most rows are empty: no look-up at all
    }
    Codelist list = ctx.codelist(listId);
    if (list != null && !CompiledContext.of(ctx).accepts(list, code)) {
      out.report(INFO, o.location().field(field), code, field, list.id());
    }
  }
}
