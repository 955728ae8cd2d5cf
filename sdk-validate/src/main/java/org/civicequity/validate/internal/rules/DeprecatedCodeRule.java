package org.civicequity.validate.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.civicequity.core.Code;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;
import org.civicequity.validate.internal.CompiledContext;

/** A coded field uses a deprecated code; the message names the documented replacement. */
final class DeprecatedCodeRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("DEPRECATED_CODE", Severity.WARNING, Layer.SEMANTICS,
      """
      A code is deprecated: it stays valid so that old data can be published, but new data
      should use its replacement (the codelist's replacedBy). For race and ethnicity this is
      mostly 1997-era tabulations (some-other-race, api, a white-alone that includes Middle
      Eastern and North African people). Such data cannot separate MENA people, so it is never
      mapped to mena: report MENA as not available, never as 0.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    CompiledContext cc = CompiledContext.of(ctx);
    for (int f = 0; f < CompiledContext.CODED.length; f++) {
      String code = CompiledContext.coded(o, f);
      Code c = code == null ? null : cc.deprecated(f, code);
      if (c == null) {
        continue;
      }
      String field = CompiledContext.CODED[f][0];
      List<String> replacements = replacements(c);
      if (replacements.isEmpty()) {
        out.reportVariant(INFO, "noReplacement", o.location().field(field), code, code, field);
      } else {
        out.report(INFO, o.location().field(field), code, code, field,
            String.join(" or ", replacements));
      }
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
