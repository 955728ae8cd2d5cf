package org.civicequity.publish;

import java.util.List;
import java.util.Objects;

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
  public static final double Z90 = 1.645;
  /** The critical value of a 95% confidence level. */
  public static final double Z95 = 1.960;
  /** The critical value of a 99% confidence level. */
  public static final double Z99 = 2.576;
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
    double y = nonZero(denominator, "proportion");
    double p = numerator.value() / y;
    double radicand = proportionRadicand(numerator, denominator, p);
    if (radicand < 0) {
      return ratio(numerator, denominator);
    }
    return new Estimate(p, Math.sqrt(radicand) / Math.abs(y));
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
    double y = nonZero(denominator, "proportion");
    return proportionRadicand(numerator, denominator, numerator.value() / y) < 0;
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
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), got " + confidenceLevel);
    }
    if (Math.abs(confidenceLevel - 0.90) < 1e-9) {
      return Z90;
    }
    if (Math.abs(confidenceLevel - 0.95) < 1e-9) {
      return Z95;
    }
    if (Math.abs(confidenceLevel - 0.99) < 1e-9) {
      return Z99;
    }
    return NormalQuantile.of((1 + confidenceLevel) / 2);
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

  private static double proportionRadicand(Estimate x, Estimate y, double p) {
    return x.moe() * x.moe() - p * p * y.moe() * y.moe();
  }

  private static double nonZero(Estimate e, String what) {
    if (e.value() == 0) {
      throw new IllegalArgumentException("the denominator of a " + what + " is zero");
    }
    return e.value();
  }

  /** The standard normal quantile (Wichura's algorithm AS 241, relative error about 1e-16). */
  static final class NormalQuantile {
    private NormalQuantile() {
    }

    static double of(double p) {
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException("probability must be in (0, 1), got " + p);
      }
      double q = p - 0.5;
      if (Math.abs(q) <= 0.425) {
        double r = 0.180625 - q * q;
        return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
            + 67265.770927008700853) * r + 45921.953931549871457) * r
            + 13731.693765509461125) * r + 1971.5909503065514427) * r
            + 133.14166789178437745) * r + 3.387132872796366608)
            / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r
            + 39307.89580009271061) * r + 21213.794301586595867) * r
            + 5394.1960214247511077) * r + 687.1870074920579083) * r
            + 42.313330701600911252) * r + 1.0);
      }
      double r = q < 0 ? p : 1 - p;
      r = Math.sqrt(-Math.log(r));
      double val;
      if (r <= 5) {
        r -= 1.6;
        val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
            + 0.24178072517745061177) * r + 1.27045825245236838258) * r
            + 3.64784832476320460504) * r + 5.7694972214606914055) * r
            + 4.6303378461565452959) * r + 1.42343711074968357734)
            / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
            + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
            + 0.68976733498510000455) * r + 1.6763848301838038494) * r
            + 2.05319162663775882187) * r + 1.0);
      } else {
        r -= 5;
        val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
            + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
            + 0.29656057182850489123) * r + 1.7848265399172913358) * r
            + 5.4637849111641143699) * r + 6.6579046435011037772)
            / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
            + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
            + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
            + 0.59983220655588793769) * r + 1.0);
      }
      return q < 0 ? -val : val;
    }
  }
}
