package org.civicequity.federate;

import java.util.Optional;
import org.civicequity.core.ConfidenceLevels;

/**
 * The Census Bureau's test of the difference between two estimates (DESIGN §10; Census,
 * "Instructions for Applying Statistical Testing to ACS Data"): the standard error of each
 * estimate is its margin of error divided by the critical value of the margin's confidence level,
 * {@code Z = (X₁ − X₂) / √(SE₁² + SE₂²)}, and the difference is significant when
 * {@code |Z| > critical value}.
 *
 * @param difference    {@code X₁ − X₂}
 * @param standardError {@code √(SE₁² + SE₂²)}, always positive
 * @param z             the test statistic
 * @param criticalValue the critical value the test used (1.645 at 90%)
 * @param significant   whether {@code |z| > criticalValue}
 */
public record DifferenceTest(double difference, double standardError, double z,
    double criticalValue, boolean significant) {

  /** Checks that the numbers are consistent. */
  public DifferenceTest {
    if (!(standardError > 0) || !Double.isFinite(standardError)) {
      throw new IllegalArgumentException("standard error must be positive, found " + standardError);
    }
    if (!(criticalValue > 0)) {
      throw new IllegalArgumentException("critical value must be positive, found " + criticalValue);
    }
  }

  /**
   * The two-sided critical value of a confidence level. The three levels the Census Bureau
   * publishes use its rounded constants (0.90 → 1.645, 0.95 → 1.960, 0.99 → 2.576), so results
   * equal the Bureau's worked examples; any other level uses the exact normal quantile
   * {@code Φ⁻¹((1 + level)/2)}.
   *
   * @param confidenceLevel the confidence level, in (0, 1)
   * @return the critical value
   * @throws IllegalArgumentException if the level is not in (0, 1)
   */
  public static double criticalValue(double confidenceLevel) {
    return ConfidenceLevels.criticalValue(confidenceLevel);
  }

  /**
   * Tests the difference of two estimates given their margins of error at one confidence level.
   *
   * @param x1              the first estimate
   * @param moe1            its margin of error (>= 0)
   * @param x2              the second estimate
   * @param moe2            its margin of error (>= 0)
   * @param confidenceLevel the confidence level of both margins, e.g. 0.90 for the ACS
   * @return the test, or empty when it cannot be made: both margins are zero (no sampling error
   *         to test against) or a number is not finite
   * @throws IllegalArgumentException if a margin is negative or the level is not in (0, 1)
   */
  public static Optional<DifferenceTest> ofMargins(double x1, double moe1, double x2, double moe2,
      double confidenceLevel) {
    if (moe1 < 0 || moe2 < 0) {
      throw new IllegalArgumentException(
          "margins of error must be >= 0, found " + moe1 + " and " + moe2);
    }
    double c = criticalValue(confidenceLevel);
    return ofStandardErrors(x1, moe1 / c, x2, moe2 / c, c);
  }

  /**
   * Tests the difference of two estimates given their standard errors.
   *
   * @param x1            the first estimate
   * @param se1           its standard error (>= 0)
   * @param x2            the second estimate
   * @param se2           its standard error (>= 0)
   * @param criticalValue the critical value, e.g. 1.645 for 90%
   * @return the test, or empty when both standard errors are zero or a number is not finite
   * @throws IllegalArgumentException if a standard error is negative or the critical value is not
   *                                  positive
   */
  public static Optional<DifferenceTest> ofStandardErrors(double x1, double se1, double x2,
      double se2, double criticalValue) {
    if (se1 < 0 || se2 < 0) {
      throw new IllegalArgumentException(
          "standard errors must be >= 0, found " + se1 + " and " + se2);
    }
    if (!Double.isFinite(x1) || !Double.isFinite(x2) || !Double.isFinite(se1)
        || !Double.isFinite(se2)) {
      return Optional.empty();
    }
    double se = Math.sqrt(se1 * se1 + se2 * se2);
    if (!(se > 0)) {
      return Optional.empty();
    }
    double d = x1 - x2;
    double z = d / se;
    return Optional.of(new DifferenceTest(d, se, z, criticalValue, Math.abs(z) > criticalValue));
  }
}
