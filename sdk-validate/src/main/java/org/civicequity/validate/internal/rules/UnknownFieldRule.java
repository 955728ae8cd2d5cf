package org.civicequity.validate.internal.rules;

import java.util.Map;
import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.RowRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** A row has a field the standard does not define and whose name does not start with {@code x-}. */
final class UnknownFieldRule implements RowRule {
  static final RuleInfo INFO = RuleInfo.of("UNKNOWN_FIELD", Severity.ERROR, Layer.STRUCTURE, """
      A field (a CSV column or JSON member) is not defined by the standard. Extensions are allowed
      only under names that start with x-; check the spelling (field names are lowerCamelCase,
      e.g. geoId, raceEthnicity).""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(Observation o, ValidationContext ctx, Findings out) {
    Map<String, String> extra = o.extra();
    if (extra.isEmpty()) {
      return;
    }
    for (Map.Entry<String, String> e : extra.entrySet()) {
      if (!e.getKey().startsWith("x-")) {
        out.report(INFO, o.location().field(e.getKey()), e.getValue(), e.getKey());
      }
    }
  }
}
