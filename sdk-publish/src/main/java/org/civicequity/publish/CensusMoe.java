package org.civicequity.publish;

import java.util.List;
import java.util.Objects;
import org.civicequity.core.ConfidenceLevels;

/**
 * Margins of error of derived estimates, with the U.S. Census Bureau's approximations.
 *
 * <p>Sources (standard §10): U.S. Census Bureau, <i>Understanding and Using American Community
 * Survey Data: What All Data Users Need to Know</i> (2018 and 2020 editions), chapter 8
 * "Calculating Measures of Error for Derived Estimates"; ACS <i>Accuracy of the Data</i>
 * (critical values 1.645 / 1.960 / 2.576 and the rule for several zero estimates); the ratio
 * fallback of a proportion whose radicand is negative follows the handbook and
 * {@code tidycensus::moe_prop}. Margins of error are at the confidence level of their inputs
 * (90% for the ACS); all inputs of one calculation must share that level.
 *
 * <p>These are approximations that assume independent inputs; the handbook explains when they
 * overstate or understate the true error. Every method is a pure function.
 */
public final class CensusMoe {
  /** The critical value of a 90% confidence level, as the ACS publishes it. */
  public static final double Z90 = ConfidenceLevels.Z90;
  /** The critical value of a 95% confidence level. */
  public static final double Z95 = ConfidenceLevels.Z95;
  /** The critical value of a 99% confidence level. */
  public static final double Z99 = ConfidenceLevels.Z99;
  /** The critical value the ACS used for 90% margins of error of data from 2005 and earlier. */
  public static final double Z90_BEFORE_2006 = 1.65;

  private CensusMoe() {
  }

  /**
   * The MOE of a sum (or difference) of estimates: √ΣMOEᵢ². When several estimates are zero,
   * only the largest of their margins of error is counted, once (ACS <i>Accuracy of the Data</i>;
   * the handbook's "zero estimate" rule), because the zero-estimate MOE is a model-based bound
   * that would otherwise be counted again for every zero cell.
   *
   * @param parts the estimates added; at least one
   * @return the sum with its margin of error
   * @throws IllegalArgumentException if {@code parts} is empty
   */
  public static Estimate sum(List<Estimate> parts) {
    Objects.requireNonNull(parts, "parts");
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a sum needs at least one estimate");
    }
    double total = 0;
    double squares = 0;
    double largestZeroMoe = -1;
    for (Estimate e : parts) {
      total += e.value();
      if (e.value() == 0) {
        largestZeroMoe = Math.max(largestZeroMoe, e.moe());
      } else {
        squares += e.moe() * e.moe();
      }
    }
    if (largestZeroMoe >= 0) {
      squares += largestZeroMoe * largestZeroMoe;
    }
    return new Estimate(total, Math.sqrt(squares));
  }

  /**
   * The difference {@code a − b}; its MOE is that of a sum, √(MOE_a² + MOE_b²).
   *
   * @param a the first estimate
   * @param b the estimate subtracted
   * @return the difference with its margin of error
   */
  public static Estimate difference(Estimate a, Estimate b) {
    return new Estimate(a.value() - b.value(), Math.hypot(a.moe(), b.moe()));
  }

  /**
   * A proportion p = X/Y where X is a subset of Y: MOE = √(MOE_X² − p²·MOE_Y²) / Y. When the
   * radicand is negative the handbook says to use the ratio formula instead, which this method
   * does (see {@link #proportionNeedsRatioFormula(Estimate, Estimate)}).
   *
   * @param numerator   X, a subset of the denominator
   * @param denominator Y, not zero
   * @return p with its margin of error
   * @throws IllegalArgumentException if the denominator is zero
   */
  public static Estimate proportion(Estimate numerator, Estimate denominator) {
    double y = Math.abs(nonZero(denominator, "proportion"));
    double a = numerator.moe() * y;
    double b = Math.abs(numerator.value()) * denominator.moe();
    if (ratioFormulaNeeded(a, b)) {
      return ratio(numerator, denominator);
    }
    // √(MOE_X² − p²·MOE_Y²) / |Y| = √((a − b)(a + b)) / Y²
    return new Estimate(numerator.value() / denominator.value(), Math.sqrt(a - b) / y * (Math.sqrt(a + b) / y));
  }

  /**
   * Whether {@link #proportion(Estimate, Estimate)} falls back to the ratio formula for these
   * inputs, because MOE_X² − p²·MOE_Y² is negative.
   *
   * @param numerator   X
   * @param denominator Y, not zero
   * @return true when the ratio formula is used
   * @throws IllegalArgumentException if the denominator is zero
   */
  public static boolean proportionNeedsRatioFormula(Estimate numerator, Estimate denominator) {
    double y = Math.abs(nonZero(denominator, "proportion"));
    return ratioFormulaNeeded(numerator.moe() * y, Math.abs(numerator.value()) * denominator.moe());
  }

  /**
   * A ratio R = X/Y where X is not a subset of Y: MOE = √(MOE_X² + R²·MOE_Y²) / Y.
   *
   * @param numerator   X
   * @param denominator Y, not zero
   * @return R with its margin of error
   * @throws IllegalArgumentException if the denominator is zero
   */
  public static Estimate ratio(Estimate numerator, Estimate denominator) {
    double y = nonZero(denominator, "ratio");
    double r = numerator.value() / y;
    double radicand = numerator.moe() * numerator.moe() + r * r * denominator.moe() * denominator.moe();
    return new Estimate(r, Math.sqrt(radicand) / Math.abs(y));
  }

  /**
   * A product A·B: MOE = √(A²·MOE_B² + B²·MOE_A²).
   *
   * @param a the first factor
   * @param b the second factor
   * @return the product with its margin of error
   */
  public static Estimate product(Estimate a, Estimate b) {
    double value = a.value() * b.value();
    return new Estimate(value, Math.hypot(a.value() * b.moe(), b.value() * a.moe()));
  }

  /**
   * A percent change 100·(new − old)/old, with MOE = 100 × the MOE of the ratio new/old (the
   * handbook's method).
   *
   * @param older the earlier estimate, not zero
   * @param newer the later estimate
   * @return the percent change with its margin of error
   * @throws IllegalArgumentException if the older estimate is zero
   */
  public static Estimate percentChange(Estimate older, Estimate newer) {
    double old = nonZero(older, "percent change");
    Estimate r = ratio(newer, older);
    return new Estimate(100 * (newer.value() - old) / old, 100 * r.moe());
  }

  /**
   * Multiplies an estimate and its MOE by a constant (e.g. 100 to turn a proportion into a
   * percent); the MOE of an exact constant times an estimate is |c|·MOE.
   *
   * @param e      the estimate
   * @param factor the constant
   * @return the scaled estimate
   */
  public static Estimate scale(Estimate e, double factor) {
    return new Estimate(e.value() * factor, e.moe() * Math.abs(factor));
  }

  /**
   * The critical value z of a two-sided confidence level: the published constants for 0.90,
   * 0.95 and 0.99, otherwise the standard normal quantile of (1 + level)/2.
   *
   * @param confidenceLevel the level, in (0, 1)
   * @return z
   * @throws IllegalArgumentException if the level is not in (0, 1)
   */
  public static double criticalValue(double confidenceLevel) {
    return ConfidenceLevels.criticalValue(confidenceLevel);
  }

  /**
   * The standard error behind a margin of error: SE = MOE / z (1.645 for ACS 90% MOEs).
   *
   * @param moe             the margin of error
   * @param confidenceLevel its confidence level, in (0, 1)
   * @return the standard error
   */
  public static double standardError(double moe, double confidenceLevel) {
    return moe / criticalValue(confidenceLevel);
  }

  /**
   * Converts a margin of error from one confidence level to another: MOE₂ = MOE₁·z₂/z₁ (e.g.
   * MOE₉₅ = MOE₉₀·1.960/1.645).
   *
   * @param moe  the margin of error at {@code from}
   * @param from its confidence level
   * @param to   the wanted confidence level
   * @return the margin of error at {@code to}
   */
  public static double convertMoe(double moe, double from, double to) {
    return moe * criticalValue(to) / criticalValue(from);
  }

  /**
   * The coefficient of variation CV = SE / |estimate|, as a fraction (0.30 = 30%, the usual
   * threshold of an unreliable estimate).
   *
   * @param e               the estimate
   * @param confidenceLevel the confidence level of its MOE
   * @return the CV, or positive infinity for a zero estimate with a non-zero MOE, or 0 when both
   *     are zero
   */
  public static double coefficientOfVariation(Estimate e, double confidenceLevel) {
    double se = standardError(e.moe(), confidenceLevel);
    if (e.value() == 0) {
      return se == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return se / Math.abs(e.value());
  }

  /**
   * The test statistic of a difference: Z = (X₁ − X₂) / √(SE₁² + SE₂²).
   *
   * @param a               the first estimate
   * @param b               the second estimate
   * @param confidenceLevel the confidence level of both MOEs
   * @return Z (infinite when both standard errors are zero and the estimates differ)
   */
  public static double zScore(Estimate a, Estimate b, double confidenceLevel) {
    double se = Math.hypot(standardError(a.moe(), confidenceLevel), standardError(b.moe(), confidenceLevel));
    double diff = a.value() - b.value();
    if (se == 0) {
      return diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff);
    }
    return diff / se;
  }

  /**
   * Whether two estimates differ significantly: |Z| &gt; z of the test level (1.645 at 90%).
   *
   * @param a               the first estimate
   * @param b               the second estimate
   * @param confidenceLevel the confidence level of both MOEs, also used for the test
   * @return true when the difference is statistically significant
   */
  public static boolean significantlyDifferent(Estimate a, Estimate b, double confidenceLevel) {
    return Math.abs(zScore(a, b, confidenceLevel)) > criticalValue(confidenceLevel);
  }

  /**
   * Whether a proportion's radicand MOE_X² − p²·MOE_Y² is negative, decided on a = MOE_X·|Y| and
   * b = |X|·MOE_Y (the radicand times Y² is a² − b²). Comparing these products of the inputs, not
   * p² from a rounded p, keeps an exact zero exact: X = 5 ± 50 of Y = 25 ± 250 gives a = b = 1250,
   * where 50² − 0.2²·250² in doubles is −4.5e-13 and would wrongly switch to the ratio formula.
   */
  private static boolean ratioFormulaNeeded(double a, double b) {
    return a < b;
  }

  private static double nonZero(Estimate e, String what) {
    if (e.value() == 0) {
      throw new IllegalArgumentException("the denominator of a " + what + " is zero");
    }
    return e.value();
  }
}
