package org.civicequity.federate;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a comparison. The rows themselves stay in the store (tables
 * {@code comparison}, {@code summary} and {@code not_compared}) so that memory does not grow
 * with the federation; this record carries the counts.
 *
 * @param comparisonRows    rows of the {@code comparison} table (one per jurisdiction and group)
 * @param summaryRows       rows of the {@code summary} table (one per jurisdiction, indicator and
 *                          period)
 * @param jurisdictions     distinct jurisdictions compared (a member's geography)
 * @param setsWithoutReference group sets that had no reference group (neutral polarity, or the
 *                          requested reference group missing), so no ratio, difference or Index
 *                          of Disparity
 * @param notCompared       observation rows not compared, by reason code (e.g.
 *                          {@code UNIT_MISMATCH}, {@code NO_OTHER_JURISDICTION})
 */
public record ComparisonResult(long comparisonRows, long summaryRows, long jurisdictions,
    long setsWithoutReference, Map<String, Long> notCompared) {

  /** Checks and copies. */
  public ComparisonResult {
    notCompared = Map.copyOf(Objects.requireNonNull(notCompared, "notCompared"));
  }

  /**
   * Observation rows not compared, all reasons together.
   *
   * @return the total
   */
  public long notComparedRows() {
    return notCompared.values().stream().mapToLong(Long::longValue).sum();
  }
}
