package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** A coded field holds a code that is not in its codelist. */
final class UnknownCodeRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("UNKNOWN_CODE", Severity.ERROR, Layer.STRUCTURE, """
      A coded field holds a code its codelist does not list: geoLevel (geo-level), status,
      raceEthnicity (race-ethnicity), sex, age (age-band; open, bands such as 25-34 or 65+),
      income (income-band), disability and nativity, and the unit, domain and polarity of an
      indicator. Codes are lower-kebab-case; run civic-equity rules or see the codelists for
      the list. In the manifest and data.json, a member with a fixed list of values holds another
      one ($schema, a jurisdiction's geoLevel, DCAT-US conformsTo or accessLevel).""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    CompiledContext c = CompiledContext.of(ctx);
    for (int f = 0; f < CompiledContext.CODED.length; f++) {
      String code = CompiledContext.coded(o, f);
      if (code != null && !c.accepts(f, code)) {
        String field = CompiledContext.CODED[f][0];
        out.report(INFO, o.location().field(field), code, field, CompiledContext.CODED[f][1]);
      }
    }
  }
}
