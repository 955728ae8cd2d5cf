package org.civicequity.core;

/**
 * Critical values of two-sided confidence levels, the one place where the SDK turns a margin of
 * error's confidence level into the z that divides it (SE = MOE / z, DESIGN §10).
 *
 * <p>The levels the Census Bureau publishes use its rounded constants, so results equal the
 * Bureau's worked examples: 1.645 (90%, the level of ACS margins of error), 1.960 (95%) and
 * 2.576 (99%). Any other level uses the exact standard normal quantile of (1 + level) / 2.
 */
public final class ConfidenceLevels {
  /** z of the 90% level, as the Census Bureau publishes it. */
  public static final double Z90 = 1.645;
  /** z of the 95% level, as the Census Bureau publishes it. */
  public static final double Z95 = 1.960;
  /** z of the 99% level, as the Census Bureau publishes it. */
  public static final double Z99 = 2.576;

  private ConfidenceLevels() {
  }

  /**
   * The critical value z of a two-sided confidence level.
   *
   * @param confidenceLevel the level, in (0, 1), e.g. 0.90
   * @return z with P(|Z| &lt; z) = level (the Bureau's constants for 0.90, 0.95 and 0.99)
   * @throws IllegalArgumentException if the level is not in (0, 1)
   */
  public static double criticalValue(double confidenceLevel) {
    if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
      throw new IllegalArgumentException(
          "confidence level must be in (0, 1), found " + confidenceLevel);
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
    return normalQuantile((1 + confidenceLevel) / 2);
  }

  /**
   * The quantile function of the standard normal distribution, by Wichura's algorithm AS 241
   * (PPND16, Applied Statistics 37(3), 1988), accurate to about 1 part in 10^16.
   *
   * @param p a probability in (0, 1)
   * @return z with P(Z &lt;= z) = p for a standard normal Z
   * @throws IllegalArgumentException if p is not in (0, 1)
   */
  public static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("probability must be in (0, 1), found " + p);
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
    double z;
    if (r <= 5) {
      r -= 1.6;
      z = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
          + 0.24178072517745061177) * r + 1.27045825245236838258) * r
          + 3.64784832476320460504) * r + 5.7694972214606914055) * r
          + 4.6303378461565452959) * r + 1.42343711074968357734)
          / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
          + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
          + 0.68976733498510000455) * r + 1.6763848301838038494) * r
          + 2.05319162663775882187) * r + 1.0);
    } else {
      r -= 5;
      z = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
          + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
          + 0.29656057182850489123) * r + 1.7848265399172913358) * r
          + 5.4637849111641143699) * r + 6.6579046435011037772)
          / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
          + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
          + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
          + 0.59983220655588793769) * r + 1.0);
    }
    return q < 0 ? -z : z;
  }
}
