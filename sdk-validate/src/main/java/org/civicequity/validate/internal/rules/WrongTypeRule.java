package org.civicequity.validate.internal.rules;

import java.util.Map;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A numeric field holds something that is not a finite number. */
final class WrongTypeRule extends BuiltInRowRule {
  static final RuleInfo INFO = RuleInfo.of("WRONG_TYPE", Severity.ERROR, Layer.STRUCTURE, """
      A field has the wrong type: value, moe, lower, upper, numerator and denominator are plain
      finite numbers (no thousands separators, no NaN, Infinity or overflowing exponents such as
      1e999, no numbers written as JSON strings), and text fields are strings.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  private static final java.util.regex.Pattern THOUSANDS =
      java.util.regex.Pattern.compile("[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");
  private static final java.util.regex.Pattern PERCENT =
      java.util.regex.Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+) ?%");

  /** The message variant with a hint for a spreadsheet-formatted number, or null. */
  static String hint(String raw) {
    String t = raw.strip();
    if (THOUSANDS.matcher(t).matches()) {
      return "thousands";
    }
    if (PERCENT.matcher(t).matches()) {
      return "percent";
    }
    return null;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Map<String, String> unparsed = o.unparsed();
    if (unparsed.isEmpty()) {
      return;
    }
    for (String field : Observation.FIELDS) {
      String raw = unparsed.get(field);
      if (raw != null) {
        boolean numeric = Observation.NUMERIC_FIELDS.contains(field);
        String hint = numeric ? hint(raw) : null;
        if (hint != null) {
          out.reportVariant(INFO, hint, o.location().field(field), raw, field, "a finite number");
        } else {
          out.report(INFO, o.location().field(field), raw, field,
              numeric ? "a finite number" : "a string");
        }
      }
    }
    if (unparsed.size() > 1 || !Observation.FIELDS.contains(unparsed.keySet().iterator().next())) {
      // extension members given as objects or arrays: extensions are scalars
      for (Map.Entry<String, String> e : new java.util.TreeMap<>(unparsed).entrySet()) {
        if (!Observation.FIELDS.contains(e.getKey())) {
          out.report(INFO, o.location().field(e.getKey()), e.getValue(), e.getKey(),
              "a string, number, boolean or null (extensions are scalars)");
        }
      }
    }
  }
}
