package org.civicequity.validate;

import org.civicequity.core.SourceLocation;

/**
 * Where rules put their findings. Counting is exact; only the first examples of each code (see
 * {@link ValidatorOptions#exampleCap()}) are kept with their formatted message, so reporting a
 * finding costs little after the cap is reached. Implementations are not thread-safe: each run
 * has its own.
 */
public interface Findings {

  /**
   * Reports a finding with the rule's main message template.
   *
   * @param rule     the rule that found it
   * @param location where it was found (file, row, line, column or JSON pointer)
   * @param value    the offending value, or null; numbers are shown in their shortest form, and
   *                 only when the finding is kept as an example (so passing a number is cheap)
   * @param args     the template arguments ({@code {0}}, {@code {1}}...), formatted the same way
   */
  void report(RuleInfo rule, SourceLocation location, Object value, Object... args);

  /**
   * Reports a finding with a variant of the rule's message template (e.g. one with a hint).
   *
   * @param rule     the rule that found it
   * @param variant  the template variant, keyed {@code CODE.variant} in the message file
   * @param location where it was found
   * @param value    the offending value, or null
   * @param args     the template arguments
   */
  void reportVariant(RuleInfo rule, String variant, SourceLocation location, Object value,
      Object... args);
}
