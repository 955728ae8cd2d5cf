package org.civicequity.validate.internal.rules;

/**
 * z-scores of two-sided confidence levels. ACS margins of error are at 90% (z = 1.645, the value
 * the Census Bureau publishes and uses; DESIGN §10); other levels use the normal quantile.
 */
final class ZScores {
  private ZScores() {
  }

  /**
   * The z of a two-sided confidence level.
   *
   * @param level the confidence level in (0, 1), e.g. 0.90
   * @return z such that P(|Z| &lt; z) = level; 1.645 for 0.90 exactly as the Census Bureau rounds it
   */
  static double twoSided(double level) {
    if (level == 0.90) {
      return 1.645;
    }
    if (level == 0.95) {
      return 1.96;
    }
    if (level == 0.99) {
      return 2.576;
    }
    if (!(level > 0 && level < 1)) {
      return 1.645;
    }
    return quantile(0.5 + level / 2);
  }

  /** The standard normal quantile, by Acklam's rational approximation (relative error 1e-9). */
  static double quantile(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
        3.754408661907416e+00};
    double pLow = 0.02425;
    if (p < pLow) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - pLow) {
      double q = Math.sqrt(-2 * Math.log(1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
