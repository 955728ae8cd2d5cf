package org.civicequity.validate.internal.rules;

import org.civicequity.core.Observation;
import org.civicequity.validate.Findings;
import org.civicequity.validate.KeyedRule;
import org.civicequity.validate.RuleInfo;
import org.civicequity.validate.RuleInfo.Layer;
import org.civicequity.validate.Severity;
import org.civicequity.validate.ValidationContext;

/** Two observations have the same key: indicator, geography, period and every dimension. */
final class DuplicateRule implements KeyedRule {
  static final RuleInfo INFO = RuleInfo.of("DUPLICATE_OBSERVATION", Severity.ERROR,
      Layer.SEMANTICS, """
      Two rows have the same key (indicator, geoLevel, geoId, period, raceEthnicity, sex, age,
      income, disability, nativity), so users cannot tell which value is right. Often a file
      appended twice, or a dimension column that was dropped. Keys are compared by a 64-bit
      fingerprint, so the validator's memory does not grow with the rows. Rows that lack a key
      field or carry an unknown column (perhaps a dimension under a wrong name, such as race for
      raceEthnicity) are not compared: REQUIRED_FIELD_MISSING and UNKNOWN_FIELD report them.""");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Check start(ValidationContext ctx) {
    RaceGroups groups = RaceGroups.of(ctx);
    return new Check() {
      @Override
      public void accept(Observation o, Findings out) {
        if (!complete(o)) {
          return; // a missing or misnamed key column: REQUIRED_FIELD_MISSING / UNKNOWN_FIELD say so
        }
        if (groups.accept(o)) {
          out.report(INFO, o.location(), key(o), key(o));
        }
      }
    };
  }

  /**
   * Whether a row's key can be trusted: its key fields are present and it has no unknown column,
   * which may be a dimension under a wrong name (race for raceEthnicity), so rows that differ in
   * it would look like duplicates.
   */
  static boolean complete(Observation o) {
    if (o.indicator() == null || o.geoLevel() == null || o.geoId() == null || o.period() == null) {
      return false;
    }
    if (!o.extra().isEmpty()) {
      for (String k : o.extra().keySet()) {
        if (!k.startsWith("x-")) {
          return false;
        }
      }
    }
    return true;
  }

  static String key(Observation o) {
    StringBuilder sb = new StringBuilder();
    sb.append(o.indicator()).append(' ').append(o.geoLevel()).append(' ').append(o.geoId())
        .append(' ').append(o.period());
    for (String d : Observation.DIMENSIONS) {
      String v = o.dimension(d);
      if (v != null) {
        sb.append(' ').append(d).append('=').append(v);
      }
    }
    return sb.toString();
  }
}
