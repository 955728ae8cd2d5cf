package org.civicequity.validate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The options of a {@link Validator}: immutable, so one validator can be shared by threads.
 *
 * @param rules      settings by rule code (switch a rule off, or change its severity)
 * @param exampleCap how many examples of each code the report keeps (counts stay exact); at least 1
 * @param strict     when true, warnings make the input invalid too
 */
public record ValidatorOptions(Map<String, RuleSetting> rules, int exampleCap, boolean strict) {

  /** The default number of examples kept per code. */
  public static final int DEFAULT_EXAMPLE_CAP = 50;

  /**
   * Checks and copies.
   *
   * @throws IllegalArgumentException if {@code exampleCap} is below 1
   */
  public ValidatorOptions {
    rules = rules == null ? Map.of() : Map.copyOf(rules);
    if (exampleCap < 1) {
      throw new IllegalArgumentException("exampleCap must be at least 1, got " + exampleCap);
    }
  }

  /**
   * The defaults: every rule at its own severity, 50 examples per code, not strict.
   *
   * @return the default options
   */
  public static ValidatorOptions defaults() {
    return new ValidatorOptions(Map.of(), DEFAULT_EXAMPLE_CAP, false);
  }

  /**
   * A copy with one rule's setting changed.
   *
   * @param code    the rule code
   * @param setting the setting
   * @return new options
   */
  public ValidatorOptions withRule(String code, RuleSetting setting) {
    Map<String, RuleSetting> m = new HashMap<>(rules);
    m.put(Objects.requireNonNull(code, "code"), Objects.requireNonNull(setting, "setting"));
    return new ValidatorOptions(m, exampleCap, strict);
  }

  /**
   * A copy with these rule settings added (replacing settings of the same codes).
   *
   * @param settings settings by code
   * @return new options
   */
  public ValidatorOptions withRules(Map<String, RuleSetting> settings) {
    Map<String, RuleSetting> m = new HashMap<>(rules);
    m.putAll(settings);
    return new ValidatorOptions(m, exampleCap, strict);
  }

  /**
   * A copy with another example cap.
   *
   * @param cap examples kept per code, at least 1
   * @return new options
   */
  public ValidatorOptions withExampleCap(int cap) {
    return new ValidatorOptions(rules, cap, strict);
  }

  /**
   * A copy with strict mode set.
   *
   * @param value true to make warnings invalid
   * @return new options
   */
  public ValidatorOptions withStrict(boolean value) {
    return new ValidatorOptions(rules, exampleCap, value);
  }
}
