package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A value, numerator or denominator is one of the Census Bureau's annotation ("jam") values. */
final class CensusAnnotationRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("CENSUS_ANNOTATION_VALUE", Severity.ERROR,
      Layer.SEMANTICS, """
      A value, numerator or denominator is a Census Bureau annotation value (-666666666,
      -999999999, -888888888, -222222222, -333333333 or -555555555). The Census API and its
      table exports put these negative numbers where an estimate could not be computed, cannot
      be displayed, or does not apply; they are codes, never numbers, and any average or
      ranking that includes them is meaningless. Leave value empty and set status to
      not-available (or not-applicable for -888888888, suppressed for -999999999 when the
      Bureau withheld it).""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    check(o, "value", o.value(), out);
    check(o, "numerator", o.numerator(), out);
    check(o, "denominator", o.denominator(), out);
  }

  private static void check(Observation o, String field, Double v, Findings out) {
    if (v == null || v > -100_000_000d) {
      return;
    }
    String meaning = meaning(v);
    if (meaning != null) {
      out.report(INFO, o.location().field(field), v, field, meaning);
    }
  }

  /** What the Census Bureau means by an annotation value, or null when it is not one. */
  static String meaning(double v) {
    if (v == -666666666d) {
      return "the estimate could not be computed (too few sample observations), shown as '-'";
    }
    if (v == -999999999d) {
      return "the estimate cannot be displayed (too few sample cases in the area), shown as 'N'";
    }
    if (v == -888888888d) {
      return "the estimate is not applicable or not available, shown as '(X)'";
    }
    if (v == -222222222d) {
      return "the margin of error could not be computed (too few sample observations), shown as '**'";
    }
    if (v == -333333333d) {
      return "the median falls in the lowest or highest interval of an open-ended distribution, shown as '***'";
    }
    if (v == -555555555d) {
      return "the estimate is controlled, so no margin of error applies, shown as '*****'";
    }
    return null;
  }
}
