package org.civicequity.publish;

/**
 * A survey estimate with its margin of error, such as an American Community Survey cell
 * ({@code B19013_001E} with {@code B19013_001M}).
 *
 * @param value the estimate; finite
 * @param moe   the margin of error at the estimate's confidence level (90% for the ACS); finite
 *              and not negative
 */
public record Estimate(double value, double moe) {

  /**
   * Checks the arguments.
   *
   * @throws IllegalArgumentException if a number is not finite or the margin of error is negative
   */
  public Estimate {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("estimate must be a finite number, got " + value);
    }
    if (!Double.isFinite(moe) || moe < 0) {
      throw new IllegalArgumentException("margin of error must be finite and >= 0, got " + moe);
    }
  }

  /**
   * An estimate with a margin of error.
   *
   * @param value the estimate
   * @param moe   its margin of error
   * @return the estimate
   */
  public static Estimate of(double value, double moe) {
    return new Estimate(value, moe);
  }
}
