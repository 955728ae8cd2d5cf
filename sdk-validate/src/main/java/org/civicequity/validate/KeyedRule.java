package org.civicequity.validate;

import org.civicequity.core.Observation;

/**
 * A rule computed over a key of several observations (duplicates, group sums, complementary
 * suppression). The rule itself is stateless; {@link #start(ValidationContext)} creates the
 * state of one run, which must stay compact (a 64-bit fingerprint per key, never the rows).
 */
public non-sealed interface KeyedRule extends Rule {

  /**
   * Starts one validation run.
   *
   * @param context the feed being validated
   * @return the state of this run; used by one thread only
   */
  Check start(ValidationContext context);

  /** The state of a keyed rule during one run. */
  interface Check {
    /**
     * Takes one observation into account.
     *
     * @param observation the observation
     * @param out         where findings that are known at once go (e.g. a duplicate)
     */
    void accept(Observation observation, Findings out);

    /**
     * Called once after the last observation: reports what can only be known at the end.
     *
     * @param out where findings go
     */
    default void finish(Findings out) {
    }
  }
}
