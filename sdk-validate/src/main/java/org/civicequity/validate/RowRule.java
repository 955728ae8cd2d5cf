package org.civicequity.validate;

import org.civicequity.core.Observation;

/**
 * A rule that is a pure function of one observation and the feed's context. Row rules stream:
 * they keep no state between rows, so validation memory does not grow with the number of rows.
 */
public non-sealed interface RowRule extends Rule {

  /**
   * Checks one observation.
   *
   * @param observation the observation, with its source location
   * @param context     the feed's indicators, codelists, geographies and manifest
   * @param out         where findings go
   */
  void check(Observation observation, ValidationContext context, Findings out);
}
