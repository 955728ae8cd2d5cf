package org.civicequity.validate.internal.rules;

import java.util.ArrayList;
import java.util.List;
import org.civicequity.validate.Rule;
import org.civicequity.validate.RuleInfo;

/** The explicit list of built-in rules, in the order they run. No classpath scanning. */
public final class BuiltInRules {
  private static final List<Rule> RULES = List.of(
      // structure: the compiled fast path of observation.schema.json
      new RequiredFieldRule(),
      new UnknownFieldRule(),
      new WrongTypeRule(),
      new UnknownCodeRule(),
      new IndicatorIdRule(),
      new GeoIdLengthRule(),
      new PeriodRule(),
      new NegativeMoeRule(),
      new MissingValueRule(),
      new SuppressedValueRule(),
      // semantics: the feed
      new StandardVersionRule(),
      new ResourcePathRule(),
      new ResourceMissingRule(),
      new ResourceChecksumRule(),
      new DuplicateIndicatorRule(),
      new DuplicateGeographyRule(),
      // semantics: one row
      new UnknownIndicatorRule(),
      new CustomGeoRule(),
      new GeoOutsideJurisdictionRule(),
      new CensusAnnotationRule(),
      new ValueRangeRule(),
      new NumeratorDenominatorRule(),
      new FractionRule(),
      new IntervalRule(),
      new UnreliableEstimateRule(),
      new SmallCellRule(),
      new DeprecatedCodeRule(),
      new ExtensionFieldRule(),
      // semantics: over keys
      new DuplicateRule(),
      new GroupSumRule(),
      new RecoverableSuppressionRule(),
      new UnusedIndicatorRule(),
      new NoObservationsRule(),
      new RaceBreakdownRule());

  private static final java.util.Map<String, RuleInfo> BY_CODE = index();

  private BuiltInRules() {
  }

  private static java.util.Map<String, RuleInfo> index() {
    java.util.Map<String, RuleInfo> m = new java.util.HashMap<>();
    for (RuleInfo i : infos()) {
      m.put(i.code(), i);
    }
    return m;
  }

  /**
   * A built-in code's rule information.
   *
   * @param code the code
   * @return the information; {@code SCHEMA_VIOLATION}'s for a code that is not built in (a
   *         schema's x-code this validator does not know yet)
   */
  public static RuleInfo info(String code) {
    RuleInfo i = BY_CODE.get(code);
    return i == null ? SchemaViolation.INFO : i;
  }

  /**
   * The built-in executable rules.
   *
   * @return the rules, in running order
   */
  public static List<Rule> rules() {
    return RULES;
  }

  /**
   * Every built-in code with its documentation: the syntax layer, then the rules.
   *
   * @return the rule information, in documentation order
   */
  public static List<RuleInfo> infos() {
    List<RuleInfo> all = new ArrayList<>(SyntaxRules.all());
    all.add(SchemaViolation.INFO);
    for (Rule r : RULES) {
      all.add(r.info());
    }
    return all;
  }
}
